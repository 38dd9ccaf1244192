/** The flow the editor page opens, as the API would send it (built by run.ts). */
declare module 'virtual:bench-served-flow' {
  const json: string;
  export default json;
}
