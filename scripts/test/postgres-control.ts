// How to restart, stop and start the PostgreSQL server the tests use, when that is ours to do: a
// Debian cluster on this machine (as CI's machines have) serving the test URL on localhost.
import { execFileSync } from "node:child_process";

export function postgresControlCommands(
  postgresUrl: string,
): { restart: string; stop: string; start: string } | null {
  if (!["127.0.0.1", "localhost"].includes(new URL(postgresUrl).hostname)) return null;
  try {
    const clusters = execFileSync("pg_lsclusters", ["--no-header"], { encoding: "utf8" });
    const port = new URL(postgresUrl).port || "5432";
    const cluster = clusters
      .split("\n")
      .map((line) => line.trim().split(/\s+/))
      .find((fields) => fields[2] === port && fields[3] === "online");
    if (!cluster) return null;
    const control = `pg_ctlcluster --skip-systemctl-redirect ${cluster[0]} ${cluster[1]}`;
    return { restart: `${control} restart`, stop: `${control} stop`, start: `${control} start` };
  } catch {
    return null;
  }
}
