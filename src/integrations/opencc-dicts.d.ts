/** opencc-js ships its dictionaries as ES modules of `from to|from to` strings, without types. */
declare module 'opencc-js/dict/*' {
  const dict: string;
  export default dict;
}
