/** A module loaded on demand: once in, `loaded()` hands it over synchronously. */
export interface LazyModule<M> {
  load(): Promise<M>;
  loaded(): M | null;
}

/** A failed load is forgotten, so the next `load()` fetches again. */
export function lazyModule<M>(importer: () => Promise<M>): LazyModule<M> {
  let module: M | null = null;
  let loading: Promise<M> | null = null;
  return {
    load: () => {
      loading ??= importer().then(
        (m) => (module = m),
        (error: unknown) => {
          loading = null;
          throw error;
        },
      );
      return loading;
    },
    loaded: () => module,
  };
}
