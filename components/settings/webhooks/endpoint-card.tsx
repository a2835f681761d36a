"use client";

import { useState } from "react";
import { apiFetch } from "@/lib/client/api";
import { WEBHOOK_EVENT_LABELS } from "@/lib/webhooks/event-types";
import { ItemName } from "../../ui/item-name";
import { LocalTime } from "../../ui/local-time";
import { Notice } from "../../ui/notice";
import { secondaryButton } from "../../ui/styles";
import { useApiAction } from "../../ui/use-api-action";
import { DeliveryLog } from "./delivery-log";
import { EndpointConfirm, type EndpointQuestion } from "./endpoint-confirm";
import { SecretReveal } from "./secret-reveal";
import type { ApiWebhookEndpoint, ApiWebhookEndpointWithSecret } from "./types";

/**
 * One endpoint: what it receives, whether it is on, and its actions and delivery log. Its URL is
 * what tells it from the others, so every button names it for screen readers.
 */
export function EndpointCard({
  endpoint,
  onChanged,
}: {
  endpoint: ApiWebhookEndpoint;
  onChanged: () => void;
}) {
  const action = useApiAction();
  const [confirming, setConfirming] = useState<EndpointQuestion | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [showLog, setShowLog] = useState(false);
  const base = `/api/v1/company/webhooks/${endpoint.id}`;
  const logId = `webhook-${endpoint.id}-log`;

  // Every action ends any open question and, when it worked, reloads the list.
  async function act(change: () => Promise<string>) {
    await action.run(async () => {
      const done = await change();
      onChanged();
      return done;
    });
    setConfirming(null);
  }

  const setEnabled = (enabled: boolean) =>
    act(async () => {
      await apiFetch(base, { method: "PATCH", body: { enabled } });
      return enabled ? "Enabled: new events will be delivered." : "Disabled: nothing will be delivered.";
    });
  const rotate = () =>
    act(async () => {
      const rotated = await apiFetch<ApiWebhookEndpointWithSecret>(`${base}/rotate-secret`, {
        method: "POST",
      });
      setSecret(rotated.secret);
      return "New secret made; the old one no longer signs anything.";
    });
  const remove = () =>
    act(async () => {
      await apiFetch(base, { method: "DELETE" });
      return "Endpoint removed.";
    });

  return (
    <li className="space-y-3 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="font-mono text-sm break-all">{endpoint.url}</p>
          {endpoint.description && (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">{endpoint.description}</p>
          )}
        </div>
        <span
          className={`shrink-0 rounded-full px-2 py-0.5 text-xs font-medium ${
            endpoint.enabled
              ? "bg-green-100 text-green-900 dark:bg-green-900 dark:text-green-100"
              : "bg-zinc-200 text-zinc-800 dark:bg-zinc-700 dark:text-zinc-100"
          }`}
        >
          {endpoint.enabled ? "Enabled" : "Disabled"}
        </span>
      </div>
      <p className="text-sm">
        <span className="font-medium">Events:</span>{" "}
        {endpoint.event_types.map((type) => WEBHOOK_EVENT_LABELS[type]).join(", ")}
      </p>
      <p className="text-xs text-zinc-500 dark:text-zinc-400">
        Secret <code>{endpoint.secret_hint}</code> · added{" "}
        <LocalTime variant="compact" dateTime={endpoint.created_at} />
      </p>
      {!endpoint.enabled && (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
          Disabled
          {endpoint.disabled_at ? (
            <>
              {" "}
              <LocalTime variant="compact" dateTime={endpoint.disabled_at} />
            </>
          ) : null}
          . {endpoint.disabled_reason}
        </p>
      )}
      {endpoint.enabled && endpoint.failing_since && (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
          Deliveries have been failing since <LocalTime variant="compact" dateTime={endpoint.failing_since} />
          . They are retried; an endpoint that keeps failing for days is disabled.
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          disabled={action.pending}
          onClick={() => setEnabled(!endpoint.enabled)}
          className={secondaryButton}
        >
          {endpoint.enabled ? "Disable" : "Enable"}
          <ItemName>{endpoint.url}</ItemName>
        </button>
        <button
          type="button"
          aria-expanded={showLog}
          aria-controls={logId}
          onClick={() => setShowLog(!showLog)}
          className={secondaryButton}
        >
          {showLog ? "Hide deliveries" : "Show deliveries"}
          <ItemName>to {endpoint.url}</ItemName>
        </button>
        <button
          type="button"
          disabled={action.pending}
          onClick={() => setConfirming("rotate")}
          className={secondaryButton}
        >
          Rotate secret<ItemName>of {endpoint.url}</ItemName>
        </button>
        <button
          type="button"
          disabled={action.pending}
          onClick={() => setConfirming("delete")}
          className={secondaryButton}
        >
          Delete<ItemName>{endpoint.url}</ItemName>
        </button>
      </div>
      {confirming && (
        <EndpointConfirm
          question={confirming}
          url={endpoint.url}
          pending={action.pending}
          onConfirm={confirming === "delete" ? remove : rotate}
          onCancel={() => setConfirming(null)}
        />
      )}
      <Notice message={action.notice} />
      {secret && <SecretReveal secret={secret} of={endpoint.url} onDismiss={() => setSecret(null)} />}
      {showLog && (
        <div id={logId}>
          <DeliveryLog
            endpointId={endpoint.id}
            endpointUrl={endpoint.url}
            endpointEnabled={endpoint.enabled}
          />
        </div>
      )}
    </li>
  );
}
