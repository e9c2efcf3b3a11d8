package pkce

import (
	"errors"
	"fmt"
	"strconv"
)

// Sentinel errors that callers branch on with [errors.Is]. The typed errors
// of this package unwrap to them.
var (
	// ErrIncorrectPassword is returned by [Decode] and [Load] when the MAC
	// does not verify with the password, or, in a file without a MAC, when
	// decryption fails.
	ErrIncorrectPassword = errors.New("pkce: incorrect password")

	// ErrKeyMismatch is returned when no certificate matches the private key
	// (PK-3, RN-8). See [KeyError].
	ErrKeyMismatch = errors.New("pkce: private key matches no certificate")

	// ErrMultipleKeys is returned when a bundle holds more than one distinct
	// private key, so that its identity is ambiguous. See [KeyError].
	ErrMultipleKeys = errors.New("pkce: more than one private key")

	// ErrIterationLimit is returned when a key derivation would run more
	// iterations than allowed (PK-4). See [IterationError].
	ErrIterationLimit = errors.New("pkce: iteration limit exceeded")

	// ErrUnsupported is returned for an algorithm, bag or encoding that is
	// recognised as valid but not implemented. See [UnsupportedError].
	ErrUnsupported = errors.New("pkce: unsupported")

	// ErrMalformed is returned for input that is not a well-formed bundle:
	// not DER, truncated, wrong structure. See [FormatError].
	ErrMalformed = errors.New("pkce: malformed")

	// ErrBER is returned, together with [ErrMalformed], for a PKCS#12 file
	// that uses BER constructs DER forbids (indefinite lengths, constructed
	// strings, long-form lengths that fit a shorter form). The file may be
	// valid PKCS#12 for a BER reader such as OpenSSL; converting it with
	// "openssl pkcs12" first makes it readable here.
	ErrBER = errors.New("pkce: BER encoding, not DER")

	// ErrUnreadable is returned by [Info.ReadableBy] when a target cannot
	// read the bundle. See [TargetError].
	ErrUnreadable = errors.New("pkce: not readable by target")
)

// Reason says why an operation of this package failed. The typed errors
// carry one.
type Reason int

const (
	// ReasonEmptyPassword results when the password is empty (PK-1).
	ReasonEmptyPassword Reason = iota + 1
	// ReasonPasswordCharacter results when a password character is not an
	// ASCII letter or digit (PK-1).
	ReasonPasswordCharacter
	// ReasonPasswordTooShort results when a password is shorter than the
	// policy's minimum length.
	ReasonPasswordTooShort
	// ReasonPasswordTooLong results when a password is longer than the
	// policy's maximum length.
	ReasonPasswordTooLong

	// ReasonSyntax results when the input is not the ASN.1 structure
	// expected at that place.
	ReasonSyntax
	// ReasonTruncated results when an encoded length runs past the end of
	// the input, as in a file cut short by a download.
	ReasonTruncated
	// ReasonTrailingData results when bytes follow the structure.
	ReasonTrailingData
	// ReasonBER results when the input uses BER-only encodings (indefinite
	// lengths, constructed strings, non-minimal lengths).
	ReasonBER
	// ReasonVersion results when a version field has a value other than
	// the one the specification fixes (3 for PFX, 0 for EncryptedData).
	ReasonVersion
	// ReasonTooManyBags results when the file holds more safe bags, or
	// nests them deeper, than the limits allow.
	ReasonTooManyBags
	// ReasonNoCertificate results when the input holds no certificate.
	ReasonNoCertificate
	// ReasonBadCertificate results when a certificate does not parse.
	ReasonBadCertificate
	// ReasonBadKey results when a private key does not parse.
	ReasonBadKey

	// ReasonKeyMismatch results when no certificate holds the public half
	// of the private key (PK-3).
	ReasonKeyMismatch
	// ReasonMultipleKeys results when the bundle holds two different keys.
	ReasonMultipleKeys
	// ReasonUnsupportedKey results when the key is of a kind other than
	// RSA, ECDSA or Ed25519.
	ReasonUnsupportedKey
	// ReasonNoKey results when a key was needed and there is none.
	ReasonNoKey

	// ReasonEncryption results when a target cannot read an encryption
	// scheme used in the bundle (PK-2).
	ReasonEncryption
	// ReasonMAC results when a target cannot read the bundle's MAC
	// algorithm, or needs a MAC and there is none (PK-2).
	ReasonMAC
	// ReasonIterations results when an iteration count exceeds what a
	// target accepts (PK-2, PK-4).
	ReasonIterations
)

var reasonNames = [...]string{
	ReasonEmptyPassword:     "empty password",
	ReasonPasswordCharacter: "password character",
	ReasonPasswordTooShort:  "password too short",
	ReasonPasswordTooLong:   "password too long",
	ReasonSyntax:            "syntax",
	ReasonTruncated:         "truncated",
	ReasonTrailingData:      "trailing data",
	ReasonBER:               "BER encoding",
	ReasonVersion:           "version",
	ReasonTooManyBags:       "too many bags",
	ReasonNoCertificate:     "no certificate",
	ReasonBadCertificate:    "bad certificate",
	ReasonBadKey:            "bad key",
	ReasonKeyMismatch:       "key mismatch",
	ReasonMultipleKeys:      "multiple keys",
	ReasonUnsupportedKey:    "unsupported key",
	ReasonNoKey:             "no key",
	ReasonEncryption:        "encryption",
	ReasonMAC:               "MAC",
	ReasonIterations:        "iterations",
}

// String returns a short lower-case name of the reason, such as
// "password character".
func (r Reason) String() string {
	if r > 0 && int(r) < len(reasonNames) && reasonNames[r] != "" {
		return reasonNames[r]
	}
	return "Reason(" + strconv.Itoa(int(r)) + ")"
}

// PasswordError reports a password refused by PK-1 or a [PasswordPolicy].
// It never holds the password or any of its characters.
type PasswordError struct {
	// Reason is ReasonEmptyPassword, ReasonPasswordCharacter,
	// ReasonPasswordTooShort or ReasonPasswordTooLong.
	Reason Reason
	// Index is the 1-based position, in characters, of the first refused
	// character for ReasonPasswordCharacter, and 0 otherwise.
	Index int
	// Length is the password length in characters; Limit is the policy
	// bound it was compared with, for the length reasons.
	Length, Limit int
}

// Error returns a message naming the position, never the character.
func (e *PasswordError) Error() string {
	switch e.Reason {
	case ReasonEmptyPassword:
		return "pkce: password is empty"
	case ReasonPasswordCharacter:
		return fmt.Sprintf("pkce: password character %d is not an ASCII letter or digit", e.Index)
	case ReasonPasswordTooShort:
		return fmt.Sprintf("pkce: password has %d characters, fewer than the minimum %d", e.Length, e.Limit)
	case ReasonPasswordTooLong:
		return fmt.Sprintf("pkce: password has %d characters, more than the maximum %d", e.Length, e.Limit)
	}
	return "pkce: password refused: " + e.Reason.String()
}

// String is Error; it exists so that printing the error with %v or %s in a
// struct never shows more than the message.
func (e *PasswordError) String() string { return e.Error() }

// FormatError reports input that is not a well-formed bundle. It unwraps to
// [ErrMalformed], to [ErrBER] for ReasonBER, and to the underlying parser
// error if any.
type FormatError struct {
	// Where names the part of the file, such as "PFX" or "safe 2, bag 1".
	Where string
	// Reason is one of the format reasons (ReasonSyntax to ReasonBadKey).
	Reason Reason
	// Detail adds words for the user, and may be empty.
	Detail string
	// Err is the error of an underlying parser (crypto/x509,
	// encoding/pem), or nil.
	Err error
}

// Error returns "pkce: <where>: <reason>[: detail][: parser error]".
func (e *FormatError) Error() string {
	s := "pkce: " + e.Where + ": " + e.Reason.String()
	if e.Detail != "" {
		s += ": " + e.Detail
	}
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Unwrap returns ErrMalformed, ErrBER for ReasonBER, and Err.
func (e *FormatError) Unwrap() []error {
	errs := []error{ErrMalformed}
	if e.Reason == ReasonBER {
		errs = append(errs, ErrBER)
	}
	if e.Err != nil {
		errs = append(errs, e.Err)
	}
	return errs
}

// IterationError reports a key derivation refused before it ran because
// its iteration count exceeds the cap (PK-4). It unwraps to
// [ErrIterationLimit].
type IterationError struct {
	// Where names the derivation: "MAC", "safe 1", "safe 2, bag 1".
	Where string
	// Count is the iteration count in the file (math.MaxInt64 if larger),
	// or the running total when Total is set.
	Count int64
	// Limit is the cap it was compared with.
	Limit int64
	// Total is set when the per-derivation counts were within the cap but
	// their sum exceeds the total budget (see [MaxTotalIterations]).
	Total bool
}

// Error names the derivation, its count and the cap.
func (e *IterationError) Error() string {
	if e.Total {
		return fmt.Sprintf("pkce: %s: total key-derivation iterations %d exceed the limit %d", e.Where, e.Count, e.Limit)
	}
	return fmt.Sprintf("pkce: %s: %d key-derivation iterations exceed the limit %d", e.Where, e.Count, e.Limit)
}

// Unwrap returns ErrIterationLimit.
func (e *IterationError) Unwrap() error { return ErrIterationLimit }

// UnsupportedError reports an algorithm or structure this package
// recognises as legitimate but does not implement. It unwraps to
// [ErrUnsupported].
type UnsupportedError struct {
	// Where names the part of the file.
	Where string
	// Algorithm names what is unsupported: an OID in dotted form, an
	// algorithm name, or a PEM block type.
	Algorithm string
}

// Error names the part of the file and what is unsupported.
func (e *UnsupportedError) Error() string {
	return "pkce: " + e.Where + ": unsupported " + e.Algorithm
}

// Unwrap returns ErrUnsupported.
func (e *UnsupportedError) Unwrap() error { return ErrUnsupported }

// KeyError reports a private key that does not fit the bundle (PK-3,
// RN-8). It unwraps to [ErrKeyMismatch] for ReasonKeyMismatch and
// ReasonUnsupportedKey, and to [ErrMultipleKeys] for ReasonMultipleKeys.
type KeyError struct {
	// Reason is ReasonKeyMismatch, ReasonMultipleKeys,
	// ReasonUnsupportedKey or ReasonNoKey.
	Reason Reason
	// Detail adds words for the user (a certificate subject, a key type).
	Detail string
}

// Error says what is wrong with the key, and for a mismatch how many
// certificates were compared.
func (e *KeyError) Error() string {
	var s string
	switch e.Reason {
	case ReasonKeyMismatch:
		s = "pkce: private key matches no certificate"
	case ReasonMultipleKeys:
		s = "pkce: bundle holds more than one private key"
	case ReasonUnsupportedKey:
		s = "pkce: unsupported private key type"
	case ReasonNoKey:
		s = "pkce: bundle holds no private key"
	default:
		s = "pkce: key: " + e.Reason.String()
	}
	if e.Detail != "" {
		s += ": " + e.Detail
	}
	return s
}

// Unwrap returns the sentinel for the reason.
func (e *KeyError) Unwrap() error {
	switch e.Reason {
	case ReasonKeyMismatch, ReasonUnsupportedKey:
		return ErrKeyMismatch
	case ReasonMultipleKeys:
		return ErrMultipleKeys
	}
	return nil
}

// TargetError reports why a target cannot read a bundle (PK-2). Its
// message is meant for the user and says what to do. It unwraps to
// [ErrUnreadable].
type TargetError struct {
	// Target is the reader judged.
	Target Target
	// Reason is ReasonEncryption, ReasonMAC or ReasonIterations.
	Reason Reason
	// Where names the part of the file: "MAC", "safe 1", "key bag 1 in safe 2".
	Where string
	// Found describes what the file uses there, such as
	// "PBES2 (PBKDF2 hmacWithSHA256, aes256-CBC), 2048 iterations".
	Found string
	// Count and Limit are the iteration count and the target's maximum,
	// for ReasonIterations.
	Count, Limit int64
}

// Error says, in words for the user, which part the target cannot read
// and what to do.
func (e *TargetError) Error() string {
	s := fmt.Sprintf("pkce: %s cannot read %s: %s", e.Target.Description(), e.Where, e.Found)
	if e.Reason == ReasonIterations {
		s += fmt.Sprintf(" (more than its maximum %d iterations)", e.Limit)
	}
	return s + "; re-encode the bundle with Encode for this target"
}

// Unwrap returns ErrUnreadable.
func (e *TargetError) Unwrap() error { return ErrUnreadable }
