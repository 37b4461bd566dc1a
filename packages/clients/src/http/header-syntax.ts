/** A header name: an RFC 9110 token. */
export const HEADER_TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/**
 * A byte a header value may not hold: anything but tab, visible ASCII, space and obs-text (RFC
 * 9110 5.5; undici's check of request headers, llhttp's of response headers).
 */
export const HEADER_VALUE_INVALID = /[^\t\x20-\x7e\x80-\xff]/;
