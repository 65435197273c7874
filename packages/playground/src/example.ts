/** A draft with the usual problems, for readers who arrive without one. */
export const EXAMPLE_REPLY = `Hi Dana,

As I said on the phone, the refund was sent on Monday. Our records show that you entered the wrong card number, so please calm down.

We will look into it.

Sorry for any inconvenience.
`;
