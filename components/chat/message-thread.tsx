"use client";

import { type ReactNode, useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { ThreadStart } from "./thread-start";

/** Closer than this to the bottom counts as being there. */
const EDGE_PX = 48;
/** Older messages start loading this far before the top is reached. */
const PRELOAD_PX = 400;

type MessageThreadProps = {
  /** Key of the newest rendered item: a change means something arrived at the bottom. */
  latestKey: string;
  isEmpty: boolean;
  children: ReactNode;
  hasMoreOlder: boolean;
  loadingOlder: boolean;
  olderError: string | null;
  onLoadOlder: () => Promise<void>;
  otherName: string;
  /** Changes when the viewer sends: the thread then follows to the bottom wherever it was. */
  followToken: number;
};

// The scroller is a reversed flex column around one content box, so its scroll offset counts
// from the bottom (0 = at the bottom, negative going up). That is what makes the first paint,
// before any script runs, show the newest messages; keeps a reader at the bottom there when
// messages arrive or the composer grows; and keeps the view still when older messages are
// prepended, all without measuring.
const fromBottom = (element: HTMLElement) => Math.abs(element.scrollTop);
const fromTop = (element: HTMLElement) => element.scrollHeight - element.clientHeight - fromBottom(element);

/**
 * The scrolling thread (role="log"). It loads older pages as the reader nears the top, and when a
 * message arrives while the reader is scrolled up it leaves the view where it was and offers a
 * "New messages" button. Its own live announcements are off: the history is not read out, only
 * what NewMessageAnnouncer says about new messages from the other side.
 */
export function MessageThread({
  latestKey,
  isEmpty,
  children,
  hasMoreOlder,
  loadingOlder,
  olderError,
  onLoadOlder,
  otherName,
  followToken,
}: MessageThreadProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const lastKey = useRef(latestKey);
  const lastHeight = useRef(0);
  const [newBelow, setNewBelow] = useState(false);

  const scrollToBottom = useCallback(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
    setNewBelow(false);
  }, []);

  const loadOlder = useCallback(() => {
    if (!loadingOlder && hasMoreOlder) void onLoadOlder();
  }, [hasMoreOlder, loadingOlder, onLoadOlder]);

  // Something arrived at the bottom while the reader is scrolled up: an offset counted from the
  // bottom would carry the view up with it, so move it back by the height that was added.
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element || lastKey.current === latestKey) return;
    lastKey.current = latestKey;
    if (fromBottom(element) >= EDGE_PX) {
      element.scrollTop -= element.scrollHeight - lastHeight.current;
      setNewBelow(true);
    }
  }, [latestKey]);

  // The viewer sent something: show it, wherever they had scrolled to.
  useLayoutEffect(() => {
    if (followToken > 0) scrollToBottom();
  }, [followToken, scrollToBottom]);

  // Remembered after every commit, for the adjustment above.
  useLayoutEffect(() => {
    if (scroller.current) lastHeight.current = scroller.current.scrollHeight;
  });

  // Content shorter than the view cannot be scrolled up: load more until it fills, or ends.
  useEffect(() => {
    const element = scroller.current;
    if (element && !olderError && fromTop(element) < PRELOAD_PX) loadOlder();
  }, [olderError, loadOlder]);

  const onScroll = () => {
    const element = scroller.current;
    if (!element) return;
    if (fromBottom(element) < EDGE_PX) setNewBelow(false);
    if (fromTop(element) < PRELOAD_PX && !olderError) loadOlder();
  };

  return (
    <div className="relative min-h-0 flex-1">
      <div
        ref={scroller}
        role="log"
        aria-label="Messages"
        aria-live="off"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to be scrolled (WCAG 2.1.1)
        tabIndex={0}
        onScroll={onScroll}
        className="flex h-full flex-col-reverse overflow-y-auto overscroll-contain bg-zinc-50 [overflow-anchor:none] focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-blue-600 dark:bg-zinc-900"
      >
        <div className="px-3 pb-2 sm:px-5">
          <ThreadStart
            hasMore={hasMoreOlder}
            loading={loadingOlder}
            error={olderError}
            isEmpty={isEmpty}
            otherName={otherName}
            onLoadOlder={loadOlder}
          />
          <ol className="flex flex-col gap-2">{children}</ol>
        </div>
      </div>
      {newBelow && (
        <button
          type="button"
          onClick={scrollToBottom}
          className="absolute bottom-3 left-1/2 -translate-x-1/2 rounded-full bg-blue-600 px-4 py-1.5 text-sm font-medium text-white shadow-lg hover:bg-blue-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
        >
          New messages <span aria-hidden="true">↓</span>
        </button>
      )}
    </div>
  );
}
