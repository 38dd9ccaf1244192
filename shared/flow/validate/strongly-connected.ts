/**
 * Tarjan's strongly connected components, iterative so that a long chain of nodes cannot
 * overflow the call stack. `next` lists successors; successors not in `ids` are ignored.
 */
export function stronglyConnected(ids: readonly string[], next: ReadonlyMap<string, readonly string[]>): string[][] {
  const known = new Set(ids);
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  let counter = 0;
  const visit = (id: string) => {
    order.set(id, counter);
    low.set(id, counter++);
    stack.push(id);
    onStack.add(id);
  };
  const lower = (id: string, value: number) => low.set(id, Math.min(low.get(id) ?? value, value));

  for (const root of ids) {
    if (order.has(root)) continue;
    visit(root);
    const work = [{ id: root, at: 0 }];
    for (let frame = work.at(-1); frame; frame = work.at(-1)) {
      const successors = next.get(frame.id) ?? [];
      if (frame.at < successors.length) {
        const to = successors[frame.at++] ?? '';
        if (!known.has(to)) continue;
        if (!order.has(to)) {
          visit(to);
          work.push({ id: to, at: 0 });
        } else if (onStack.has(to)) lower(frame.id, order.get(to) ?? 0);
        continue;
      }
      work.pop();
      const parent = work.at(-1);
      if (parent) lower(parent.id, low.get(frame.id) ?? 0);
      if (low.get(frame.id) !== order.get(frame.id)) continue;
      const component: string[] = [];
      for (let id = stack.pop(); id !== undefined; id = id === frame.id ? undefined : stack.pop()) {
        onStack.delete(id);
        component.push(id);
      }
      components.push(component);
    }
  }
  return components;
}
