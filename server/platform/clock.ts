/** "Now" is an input, so tests can move the clock (DESIGN invariant 6). */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
