/** The code points the traditional-character bitmap covers: CJK Extension A and the URO. */
export const BITMAP_START = 0x3400;
export const BITMAP_END = 0x9fff;
