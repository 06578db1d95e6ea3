"""The wizard's pages, one module each, in the order the officer meets them."""

WELCOME, SIGN_IN, SCAN, REVIEW, CONFIRM, PROGRESS, DONE = range(7)
