"use client";

import { apiFetch } from "@/lib/client/api";
import { EmptyState } from "../../lists/empty-state";
import { LoadMore } from "../../lists/load-more";
import { RefreshProblem } from "../../lists/refresh-problem";
import { useCursorList } from "../../lists/use-cursor-list";
import { ItemName } from "../../ui/item-name";
import { LocalTime } from "../../ui/local-time";
import { Notice } from "../../ui/notice";
import { secondaryButton } from "../../ui/styles";
import { useApiAction } from "../../ui/use-api-action";
import type { ApiWebhookDelivery } from "./types";

const STATUS_LABEL: Record<ApiWebhookDelivery["status"], string> = {
  pending: "Waiting to retry",
  delivering: "Sending",
  succeeded: "Delivered",
  failed: "Failed",
};

const STATUS_STYLE: Record<ApiWebhookDelivery["status"], string> = {
  pending: "bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100",
  delivering: "bg-blue-100 text-blue-900 dark:bg-blue-900 dark:text-blue-100",
  succeeded: "bg-green-100 text-green-900 dark:bg-green-900 dark:text-green-100",
  failed: "bg-red-100 text-red-900 dark:bg-red-900 dark:text-red-100",
};

/** Every attempt (the latest ten), behind a disclosure: status code, latency and error of each. */
function AttemptList({ delivery }: { delivery: ApiWebhookDelivery }) {
  // The log, not attempt_count: a redelivery restarts the count but keeps the history.
  const count = delivery.attempts.length;
  if (count === 0) return null;
  return (
    <details className="text-xs">
      <summary className="cursor-pointer text-zinc-700 dark:text-zinc-300">
        {count === 10 ? "Latest 10 attempts" : `${count} attempt${count === 1 ? "" : "s"}`}
        <ItemName>of {delivery.webhook_id}</ItemName>
      </summary>
      <ol className="mt-1 space-y-0.5 pl-4">
        {delivery.attempts.map((attempt) => (
          <li key={attempt.attempted_at} className="break-words">
            <LocalTime variant="compact" dateTime={attempt.attempted_at} /> ·{" "}
            {attempt.status_code ?? "no response"} · {attempt.latency_ms} ms
            {attempt.error ? ` · ${attempt.error}` : ""}
          </li>
        ))}
      </ol>
    </details>
  );
}

/** An endpoint's deliveries, newest first, polled while open, each with a Redeliver button. */
export function DeliveryLog({
  endpointId,
  endpointUrl,
  endpointEnabled,
}: {
  endpointId: number;
  /** Names the log's controls: each endpoint on the page has its own log. */
  endpointUrl: string;
  endpointEnabled: boolean;
}) {
  const url = `/api/v1/company/webhooks/${endpointId}/deliveries?limit=20`;
  const list = useCursorList<ApiWebhookDelivery>(url, undefined);
  // One redelivery at a time: every Redeliver button waits while one is being queued.
  const action = useApiAction();

  const redeliver = (delivery: ApiWebhookDelivery) =>
    action.run(async () => {
      await apiFetch(`/api/v1/company/webhooks/${endpointId}/deliveries/${delivery.id}/redeliver`, {
        method: "POST",
      });
      void list.mutate();
      return `Queued ${delivery.webhook_id} again.`;
    });

  if (list.isLoading) return <p className="text-sm text-zinc-600 dark:text-zinc-400">Loading deliveries…</p>;
  return (
    <div className="space-y-2">
      <RefreshProblem error={list.error} returnTo="/settings/webhooks" />
      <Notice message={action.notice} />
      {list.items.length === 0 ? (
        <EmptyState title="No deliveries yet">
          <p>Each subscribed event shows up here with its status, response code and timing.</p>
        </EmptyState>
      ) : (
        <ul aria-label="Deliveries, newest first" className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {list.items.map((delivery) => (
            <li key={delivery.id} className="space-y-1 py-2 text-sm">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <p>
                  <code className="font-medium">{delivery.event_type}</code>{" "}
                  <span
                    className={`ml-1 rounded-full px-2 py-0.5 text-xs font-medium ${STATUS_STYLE[delivery.status]}`}
                  >
                    {STATUS_LABEL[delivery.status]}
                  </span>
                </p>
                <button
                  type="button"
                  disabled={!endpointEnabled || delivery.status === "delivering" || action.pending}
                  onClick={() => redeliver(delivery)}
                  className={secondaryButton}
                >
                  Redeliver<ItemName>{delivery.webhook_id}</ItemName>
                </button>
              </div>
              <p className="font-mono text-xs break-all text-zinc-600 dark:text-zinc-400">
                {delivery.webhook_id}
              </p>
              <p className="text-xs text-zinc-700 dark:text-zinc-300">
                <LocalTime variant="compact" dateTime={delivery.created_at} /> · response{" "}
                {delivery.last_status_code ?? "none"}
                {delivery.last_latency_ms !== null && <> · {delivery.last_latency_ms} ms</>}
                {delivery.status === "pending" && delivery.next_attempt_at && (
                  <>
                    {" "}
                    · next try <LocalTime variant="compact" dateTime={delivery.next_attempt_at} />
                  </>
                )}
              </p>
              {delivery.last_error && delivery.status !== "succeeded" && (
                <p className="text-xs break-words text-red-700 dark:text-red-400">{delivery.last_error}</p>
              )}
              <AttemptList delivery={delivery} />
            </li>
          ))}
        </ul>
      )}
      <LoadMore
        what="deliveries"
        of={`to ${endpointUrl}`}
        hasMore={list.hasMore}
        loading={list.isLoadingMore}
        onLoadMore={list.loadMore}
      />
    </div>
  );
}
