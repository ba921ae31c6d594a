package ans104

import "errors"

var (
	// ErrMalformed is wrapped by every structural parse error.
	ErrMalformed = errors.New("malformed data item")
	// ErrMalformedBundle is wrapped by every bundle parse error.
	ErrMalformedBundle = errors.New("malformed bundle")
	// ErrInvalidSignature means the item parsed but its signature does not
	// verify against its owner.
	ErrInvalidSignature = errors.New("signature verification failed")
	// ErrUnsupportedSignature means the signature type is known to ANS-104
	// but this package cannot verify or produce it.
	ErrUnsupportedSignature = errors.New("unsupported signature type")
)
