/** Every bounce sample for the tests: RFC 3464 DSNs and the plain-text forms of the mail servers. */
export * from './dsn-samples';
export * from './text-samples';
