// The versioned API's shapes as TypeScript types, for client components (types only: no
// schema code reaches the browser bundle).
import type { z } from "zod";
import type {
  ChatSchema,
  CompanySchema,
  ListingSchema,
  ListingSummarySchema,
  MeSchema,
  MessagePageSchema,
  MessageSchema,
  NoteSchema,
  SavedReplyListSchema,
  UserSchema,
} from "./v1-schemas";

export type ApiMessage = z.infer<typeof MessageSchema>;
export type ApiChat = z.infer<typeof ChatSchema>;
export type ApiCompany = z.infer<typeof CompanySchema>;
export type ApiUser = z.infer<typeof UserSchema>;
export type ApiMessagePage = z.infer<typeof MessagePageSchema>;
export type ApiPage<T> = { data: T[]; next_cursor: string | null };
export type ApiListingSummary = z.infer<typeof ListingSummarySchema>;
export type ApiListing = z.infer<typeof ListingSchema>;
export type ApiNote = z.infer<typeof NoteSchema>;
export type ApiMe = z.infer<typeof MeSchema>;
export type ApiSavedReplyList = z.infer<typeof SavedReplyListSchema>;
