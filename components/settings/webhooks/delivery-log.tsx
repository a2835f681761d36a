"use client";

import { useState } from "react";
import { apiFetch } from "@/lib/client/api";
import { describeError } from "../../admin/describe-error";
import { Notice, type NoticeResult } from "../../admin/notice";
import { EmptyState } from "../../lists/empty-state";
import { LoadMore } from "../../lists/load-more";
import { LocalTime } from "../../lists/local-time";
import { RefreshProblem } from "../../lists/refresh-problem";
import { secondaryButton } from "../../lists/styles";
import { useCursorList } from "../../lists/use-cursor-list";
import type { ApiWebhookDelivery } from "./types";

const STATUS_LABEL: Record<ApiWebhookDelivery["status"], string> = {
  pending: "Waiting to retry",
  delivering: "Sending",
  succeeded: "Delivered",
  failed: "Failed",
};

const cell = "px-2 py-1.5 align-top";

/** An endpoint's deliveries, newest first, polled while open, each with a Redeliver button. */
export function DeliveryLog({
  endpointId,
  endpointEnabled,
}: {
  endpointId: number;
  endpointEnabled: boolean;
}) {
  const url = `/api/v1/company/webhooks/${endpointId}/deliveries?limit=20`;
  const list = useCursorList<ApiWebhookDelivery>(url, undefined);
  const [result, setResult] = useState<NoticeResult>(null);
  const [sending, setSending] = useState<number | null>(null);

  async function redeliver(delivery: ApiWebhookDelivery) {
    setSending(delivery.id);
    setResult(null);
    try {
      await apiFetch(`/api/v1/company/webhooks/${endpointId}/deliveries/${delivery.id}/redeliver`, {
        method: "POST",
      });
      setResult({ ok: true, text: `Queued ${delivery.webhook_id} again.` });
      void list.mutate();
    } catch (error) {
      setResult({ ok: false, text: describeError(error) });
    } finally {
      setSending(null);
    }
  }

  if (list.isLoading) return <p className="text-sm text-zinc-600 dark:text-zinc-400">Loading deliveries…</p>;
  return (
    <div className="space-y-2">
      <RefreshProblem error={list.error} returnTo="/settings/webhooks" />
      <Notice result={result} />
      {list.items.length === 0 ? (
        <EmptyState title="No deliveries yet">
          <p>Each subscribed event shows up here with its status, response code and timing.</p>
        </EmptyState>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Deliveries to this endpoint, newest first</caption>
            <thead className="text-xs text-zinc-600 dark:text-zinc-400">
              <tr>
                <th scope="col" className={cell}>
                  Event
                </th>
                <th scope="col" className={cell}>
                  Webhook id
                </th>
                <th scope="col" className={cell}>
                  Status
                </th>
                <th scope="col" className={cell}>
                  Attempts
                </th>
                <th scope="col" className={cell}>
                  Response
                </th>
                <th scope="col" className={cell}>
                  Latency
                </th>
                <th scope="col" className={cell}>
                  Time
                </th>
                <th scope="col" className={cell}>
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
              {list.items.map((delivery) => (
                <tr key={delivery.id}>
                  <td className={cell}>
                    <code>{delivery.event_type}</code>
                  </td>
                  <td className={`${cell} font-mono text-xs break-all`}>{delivery.webhook_id}</td>
                  <td className={cell}>
                    {STATUS_LABEL[delivery.status]}
                    {delivery.last_error && delivery.status !== "succeeded" && (
                      <span className="block text-xs text-red-700 dark:text-red-400">
                        {delivery.last_error}
                      </span>
                    )}
                  </td>
                  <td className={cell}>{delivery.attempt_count}</td>
                  <td className={cell}>{delivery.last_status_code ?? "—"}</td>
                  <td className={cell}>
                    {delivery.last_latency_ms === null ? "—" : `${delivery.last_latency_ms} ms`}
                  </td>
                  <td className={cell}>
                    <LocalTime iso={delivery.created_at} />
                  </td>
                  <td className={cell}>
                    <button
                      type="button"
                      disabled={
                        !endpointEnabled || delivery.status === "delivering" || sending === delivery.id
                      }
                      onClick={() => redeliver(delivery)}
                      aria-label={`Redeliver ${delivery.webhook_id}`}
                      className={secondaryButton}
                    >
                      Redeliver
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore hasMore={list.hasMore} loading={list.isLoadingMore} onLoadMore={list.loadMore} />
    </div>
  );
}
