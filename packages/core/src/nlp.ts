/**
 * compromise costs ~220 ms to import and tags ~0.05 MB/s, twenty times slower than the
 * retext parse: it is imported on first use and rules run it on single sentences only.
 */
export type Nlp = typeof import('compromise').default;

let loading: Promise<Nlp> | undefined;

export function loadNlp(): Promise<Nlp> {
  loading ??= import('compromise').then((module) => module.default);
  return loading;
}
