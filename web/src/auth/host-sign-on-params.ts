/** What the host's sign-on may leave in the address: its token, or the reason the callback refused (and whom). */
export const HOST_PARAMS = ['host_token', 'host_error', 'host_subject'];

/** The field routes were opened by the host with its token, or came back refused from it. */
export const cameFromHost = (search: string) => {
  const q = new URLSearchParams(search);
  return q.has('host_token') || q.has('host_error');
};
