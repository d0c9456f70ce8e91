/** A command that will not run as asked (a missing file, a folder not empty): its message is printed, the exit code is 1. */
export class CommandRefused extends Error {}
