"use client";

import { useState } from "react";
import { apiFetch } from "@/lib/client/api";
import { WEBHOOK_EVENT_LABELS } from "@/lib/webhooks/event-types";
import { describeError } from "../../admin/describe-error";
import { Notice, type NoticeResult } from "../../admin/notice";
import { LocalTime } from "../../lists/local-time";
import { secondaryButton } from "../../lists/styles";
import { DeliveryLog } from "./delivery-log";
import { SecretReveal } from "./secret-reveal";
import type { ApiWebhookEndpoint, ApiWebhookEndpointWithSecret } from "./types";

const dangerButton =
  "inline-flex items-center justify-center rounded-md bg-red-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-700 disabled:opacity-60 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-600";

type Confirming = "delete" | "rotate" | null;

/** One endpoint: what it receives, whether it is on, and its actions and delivery log. */
export function EndpointCard({
  endpoint,
  onChanged,
}: {
  endpoint: ApiWebhookEndpoint;
  onChanged: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<NoticeResult>(null);
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [showLog, setShowLog] = useState(false);
  const base = `/api/v1/company/webhooks/${endpoint.id}`;
  const logId = `webhook-${endpoint.id}-log`;

  async function act(run: () => Promise<string>) {
    setBusy(true);
    setResult(null);
    try {
      setResult({ ok: true, text: await run() });
      onChanged();
    } catch (error) {
      setResult({ ok: false, text: describeError(error) });
    } finally {
      setBusy(false);
      setConfirming(null);
    }
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
        Secret <code>{endpoint.secret_hint}</code> · added <LocalTime iso={endpoint.created_at} />
      </p>
      {!endpoint.enabled && (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
          Disabled
          {endpoint.disabled_at ? (
            <>
              {" "}
              <LocalTime iso={endpoint.disabled_at} />
            </>
          ) : null}
          . {endpoint.disabled_reason}
        </p>
      )}
      {endpoint.enabled && endpoint.failing_since && (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
          Deliveries have been failing since <LocalTime iso={endpoint.failing_since} />. They are retried; an
          endpoint that keeps failing for days is disabled.
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          disabled={busy}
          onClick={() => setEnabled(!endpoint.enabled)}
          className={secondaryButton}
        >
          {endpoint.enabled ? "Disable" : "Enable"}
        </button>
        <button
          type="button"
          aria-expanded={showLog}
          aria-controls={logId}
          onClick={() => setShowLog(!showLog)}
          className={secondaryButton}
        >
          {showLog ? "Hide deliveries" : "Show deliveries"}
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() => setConfirming("rotate")}
          className={secondaryButton}
        >
          Rotate secret
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() => setConfirming("delete")}
          className={secondaryButton}
        >
          Delete
        </button>
      </div>
      {confirming && (
        <fieldset className="flex flex-wrap items-center gap-2 text-sm">
          <legend className="sr-only">Confirm</legend>
          <span>
            {confirming === "delete"
              ? "Delete this endpoint and its delivery log?"
              : "Make a new secret? Your receiver must switch to it at once."}
          </span>
          <button
            type="button"
            disabled={busy}
            onClick={confirming === "delete" ? remove : rotate}
            className={dangerButton}
          >
            {confirming === "delete" ? "Yes, delete" : "Yes, rotate"}
          </button>
          <button type="button" onClick={() => setConfirming(null)} className={secondaryButton}>
            Cancel
          </button>
        </fieldset>
      )}
      <Notice result={result} />
      {secret && <SecretReveal secret={secret} onDismiss={() => setSecret(null)} />}
      {showLog && (
        <div id={logId}>
          <DeliveryLog endpointId={endpoint.id} endpointEnabled={endpoint.enabled} />
        </div>
      )}
    </li>
  );
}
