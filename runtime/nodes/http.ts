import { lookupPath } from '../../shared/template/render.ts';
import type { Executor } from '../executor.ts';
import { output } from '../executor.ts';
import { renderBody } from './http-body.ts';
import type { Json } from '../session.ts';

/** `$.data.items[0].name` and `data.items.0.name` name the same field. */
export function normalizePath(path: string): string {
  return path
    .trim()
    .replace(/^\$\.?/, '')
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/^\./, '');
}

export const http: Executor<'http'> = {
  async enter(node, ctx) {
    const d = node.data;
    const headers: Record<string, string> = {};
    for (const h of d.headers) headers[h.name] = ctx.render(h.value);
    let body: string | undefined;
    if (d.method !== 'GET' && d.body !== '') {
      const rendered = renderBody(d.body, ctx);
      body = rendered.body;
      const typed = Object.keys(headers).some((h) => h.toLowerCase() === 'content-type');
      if (rendered.json && !typed) headers['Content-Type'] = 'application/json';
    }
    let response;
    try {
      response = await ctx.ports.http({
        method: d.method,
        url: ctx.render(d.url).trim(),
        headers,
        body,
        timeoutMs: d.timeoutMs,
      });
    } catch {
      // Network error, timeout or a refused address: all are the flow's `error` branch.
      return output('error');
    }
    if (d.statusVariable) ctx.setVariable(d.statusVariable, response.status);
    if (response.status < 200 || response.status > 299) return output('error');
    if (d.mappings.length === 0) return output('ok');
    let parsed: unknown;
    try {
      parsed = JSON.parse(response.body);
    } catch {
      return output('error');
    }
    const root = { value: parsed };
    for (const m of d.mappings) {
      const path = normalizePath(m.path);
      const value = lookupPath(root, path === '' ? 'value' : `value.${path}`);
      ctx.setVariable(m.variable, value === undefined ? null : (value as Json));
    }
    return output('ok');
  },
};
