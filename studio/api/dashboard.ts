import type { AuditResponse } from '../../shared/api/audit.ts';
import type { DashboardResponse } from '../../shared/api/dashboard.ts';
import { request } from './http.ts';

/** The dashboard's and audit log's routes; apart from client.ts so these pages stay their own chunk. */
export interface DashboardFilter {
  days: number | null;
  /** ISO instants, used when `days` is null. */
  from?: string;
  to?: string;
  channelId: string;
  flowId: string;
}

export interface AuditFilter {
  actor: string;
  action: string;
  from: string;
  to: string;
}

function query(entries: Record<string, string | number | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(entries))
    if (value !== null && value !== undefined && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** `YYYY-MM-DD` (a date input's value) as the start of that day in São Paulo (UTC−3), ISO. */
export const dayStart = (day: string) => (day ? new Date(`${day}T00:00:00-03:00`).toISOString() : '');
export const dayEnd = (day: string) =>
  day ? new Date(new Date(`${day}T00:00:00-03:00`).getTime() + 86_400_000).toISOString() : '';

export const dashboardApi = {
  dashboard: (f: DashboardFilter) =>
    request<DashboardResponse>(
      'GET',
      `/api/dashboard${query({
        days: f.days,
        from: f.days === null ? f.from : undefined,
        to: f.days === null ? f.to : undefined,
        channelId: f.channelId,
        flowId: f.flowId,
      })}`,
    ),
  /** The period's AI agent usage (same filter; the funnel's flow does not apply). */
  aiUsage: (f: DashboardFilter) =>
    request<{ runs: number; tokens: number; costUsd: number }>(
      'GET',
      `/api/dashboard/ai${query({
        days: f.days,
        from: f.days === null ? f.from : undefined,
        to: f.days === null ? f.to : undefined,
        channelId: f.channelId,
      })}`,
    ),
  audit: (f: AuditFilter, cursor: string | null) =>
    request<AuditResponse>(
      'GET',
      `/api/audit${query({
        actor: f.actor,
        action: f.action,
        from: dayStart(f.from),
        to: dayEnd(f.to),
        cursor,
      })}`,
    ),
  auditExportUrl: (f: AuditFilter) =>
    `/api/audit/export.csv${query({ actor: f.actor, action: f.action, from: dayStart(f.from), to: dayEnd(f.to) })}`,
};
