package pkce

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
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

	// ErrNoCertificate is returned when a bundle holds no certificate: a
	// private key alone, or nothing at all. See [KeyError].
	ErrNoCertificate = errors.New("pkce: no certificate")

	// ErrMultipleKeys is returned by [Decode] and [Load] when a bundle
	// holds more than one distinct private key and no [SelectAlias] or
	// [SelectKey] says which to take. See [KeyError], which names the
	// entries, and [DecodeEntries], which lists them.
	ErrMultipleKeys = errors.New("pkce: more than one private key")

	// ErrIterationLimit is returned when a key derivation would run more
	// iterations, or the file's derivations hash more bytes, than
	// [Limits] allows (PK-4). See [IterationError].
	ErrIterationLimit = errors.New("pkce: iteration limit exceeded")

	// ErrLimit is returned when a file exceeds a limit of [Limits] on its
	// size or shape: its bytes, safes, bags, nesting, certificates, keys,
	// salts or algorithm parameters (PK-4). See [LimitError], which names
	// the limit.
	ErrLimit = errors.New("pkce: limit exceeded")

	// ErrUnsupported is returned for an algorithm, bag, key type or
	// encoding that is recognised as valid but not implemented. See
	// [UnsupportedError].
	ErrUnsupported = errors.New("pkce: unsupported")

	// ErrMalformed is returned for input that is not a well-formed bundle:
	// neither DER nor BER, truncated, wrong structure. See [FormatError].
	ErrMalformed = errors.New("pkce: malformed")

	// ErrUnreadable is returned by [Info.ReadableBy] and [Bundle.Yum] when
	// a target cannot read the bundle. See [TargetError].
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
	// ReasonVersion results when a version field has a value other than
	// the one the specification fixes (3 for PFX, 0 for EncryptedData).
	ReasonVersion
	// ReasonNoCertificate results when the bundle holds no certificate: a
	// private key alone (not a mismatch: there is nothing to compare
	// with), or nothing.
	ReasonNoCertificate
	// ReasonBadCertificate results when a certificate does not parse.
	ReasonBadCertificate
	// ReasonBadKey results when a private key does not parse.
	ReasonBadKey

	// ReasonKeyMismatch results when no certificate holds the public half
	// of the private key (PK-3).
	ReasonKeyMismatch
	// ReasonMultipleKeys results when the bundle holds two different keys
	// and nothing says which one to take.
	ReasonMultipleKeys
	// ReasonUnsupportedKey results when the key is of a kind other than
	// RSA, ECDSA or Ed25519.
	ReasonUnsupportedKey
	// ReasonNoKey results when a key was needed and there is none.
	ReasonNoKey
	// ReasonNoEntry results when [SelectAlias] or [SelectKey] matches no
	// entry of the bundle.
	ReasonNoEntry

	// ReasonEncryption results when a target cannot read an encryption
	// scheme used in the bundle (PK-2).
	ReasonEncryption
	// ReasonMAC results when a target cannot read the bundle's MAC
	// algorithm, or needs a MAC and there is none (PK-2).
	ReasonMAC
	// ReasonIterations results when an iteration count exceeds what a
	// target accepts (PK-2, PK-4).
	ReasonIterations
	// ReasonKeyAlgorithm results when a target cannot use the bundle's kind
	// of key, or cannot be judged without knowing it (PK-5: yum on CentOS
	// 7 reads RSA keys only).
	ReasonKeyAlgorithm
	// ReasonUnpairedKey results when a target ties a key to its
	// certificate by the bags' localKeyId and the bundle does not: a key
	// bag without a localKeyId, or one that no certificate bag holding the
	// key's public half carries (PK-2: NSS then refuses the whole file,
	// or files the key under another certificate).
	ReasonUnpairedKey
)

var reasonNames = [...]string{
	ReasonEmptyPassword:     "empty password",
	ReasonPasswordCharacter: "password character",
	ReasonPasswordTooShort:  "password too short",
	ReasonPasswordTooLong:   "password too long",
	ReasonSyntax:            "syntax",
	ReasonTruncated:         "truncated",
	ReasonTrailingData:      "trailing data",
	ReasonVersion:           "version",
	ReasonNoCertificate:     "no certificate",
	ReasonBadCertificate:    "bad certificate",
	ReasonBadKey:            "bad key",
	ReasonKeyMismatch:       "key mismatch",
	ReasonMultipleKeys:      "multiple keys",
	ReasonUnsupportedKey:    "unsupported key",
	ReasonNoKey:             "no key",
	ReasonNoEntry:           "no entry",
	ReasonEncryption:        "encryption",
	ReasonMAC:               "MAC",
	ReasonIterations:        "iterations",
	ReasonKeyAlgorithm:      "key algorithm",
	ReasonUnpairedKey:       "unpaired key",
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
	// Position is the 1-based position, counted in characters (runes, an
	// invalid UTF-8 byte counting as one), of the first refused character
	// for ReasonPasswordCharacter, as a person counts them: 7 in
	// "s3cret!". It is 0 for the other reasons.
	Position int
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
		return fmt.Sprintf("pkce: password character %d is not an ASCII letter or digit", e.Position)
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
// [ErrMalformed] and to the underlying parser error if any.
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

// Unwrap returns ErrMalformed and Err.
func (e *FormatError) Unwrap() []error {
	if e.Err != nil {
		return []error{ErrMalformed, e.Err}
	}
	return []error{ErrMalformed}
}

// IterationError reports a key derivation refused before it ran (PK-4):
// its iteration count exceeds [Limits].Iterations, or, with Total set,
// the bytes it would hash bring the file over its budget (see [Limits]
// for the formula). It unwraps to [ErrIterationLimit].
type IterationError struct {
	// Where names the derivation: "MAC", "safe 1", "safe 2, bag 1".
	Where string
	// Count is the iteration count in the file (math.MaxInt64 if larger);
	// with Total, the bytes the file's derivations would hash up to and
	// including this one.
	Count int64
	// Limit is the cap Count was compared with: the iteration cap, or
	// with Total the file's budget in bytes.
	Limit int64
	// Total is set when the budget of the whole file, not the count of one
	// derivation, is exceeded.
	Total bool
}

// Error names the derivation, its count and the cap.
func (e *IterationError) Error() string {
	if e.Total {
		return fmt.Sprintf("pkce: %s: key derivations would hash %d bytes, over the file's budget of %d", e.Where, e.Count, e.Limit)
	}
	return fmt.Sprintf("pkce: %s: %d key-derivation iterations exceed the limit %d", e.Where, e.Count, e.Limit)
}

// Unwrap returns ErrIterationLimit.
func (e *IterationError) Unwrap() error { return ErrIterationLimit }

// LimitError reports a file refused because its size or shape exceeds a
// limit of [Limits] (PK-4), before the work that limit guards. It unwraps
// to [ErrLimit].
type LimitError struct {
	// Where names the part of the file: "PFX", "authenticated safe",
	// "safe 2, bag 1", "PEM block 4097".
	Where string
	// Limit names the [Limits] field exceeded: "Bytes", "Safes", "Bags",
	// "Nesting", "Certificates", "Keys", "SaltBytes" or "ParameterBytes".
	Limit string
	// Count is what the file has (counting stops at Max+1) and Max the
	// limit it was compared with.
	Count, Max int64
}

var limitUnits = map[string]string{
	"Bytes": "bytes", "Safes": "safes", "Bags": "bags", "Nesting": "levels of nesting",
	"Certificates": "certificates", "Keys": "private keys", "SaltBytes": "bytes of salt",
	"ParameterBytes": "bytes of algorithm parameters", "Elements": "ASN.1 elements",
}

// Error names the part, the count, the limit and the Limits field, as in
// "pkce: authenticated safe: 1025 safes exceed the limit 1024 (Limits.Safes)".
func (e *LimitError) Error() string {
	unit, field := limitUnits[e.Limit], e.Limit
	if unit == "" {
		unit = "items"
	}
	if field == "Elements" {
		field = "Bags"
	}
	return fmt.Sprintf("pkce: %s: %d %s exceed the limit %d (Limits.%s)", e.Where, e.Count, unit, e.Max, field)
}

// Unwrap returns ErrLimit.
func (e *LimitError) Unwrap() error { return ErrLimit }

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

// KeyError reports a bundle whose keys and certificates do not fit
// together (PK-3, RN-8). It unwraps to [ErrKeyMismatch] for
// ReasonKeyMismatch, [ErrMultipleKeys] for ReasonMultipleKeys,
// [ErrNoCertificate] for ReasonNoCertificate and [ErrUnsupported] for
// ReasonUnsupportedKey.
type KeyError struct {
	// Reason is ReasonKeyMismatch, ReasonMultipleKeys,
	// ReasonNoCertificate, ReasonUnsupportedKey, ReasonNoKey or
	// ReasonNoEntry.
	Reason Reason
	// Detail adds words for the user (a certificate subject, a key type).
	Detail string
	// Entries names the entries of the bundle, for ReasonMultipleKeys and
	// ReasonNoEntry: each alias (friendlyName) in quotes, or for an entry
	// without one its certificate's subject, as [Entry.Name] gives them.
	Entries []string
}

// Error says what is wrong with the key and, when there are several,
// names the entries to choose from.
func (e *KeyError) Error() string {
	var s string
	switch e.Reason {
	case ReasonKeyMismatch:
		s = "pkce: private key matches no certificate"
	case ReasonMultipleKeys:
		s = "pkce: bundle holds more than one private key"
	case ReasonNoCertificate:
		s = "pkce: bundle holds no certificate"
	case ReasonUnsupportedKey:
		s = "pkce: unsupported private key type"
	case ReasonNoKey:
		s = "pkce: bundle holds no private key"
	case ReasonNoEntry:
		s = "pkce: no such entry"
	default:
		s = "pkce: key: " + e.Reason.String()
	}
	if e.Detail != "" {
		s += ": " + e.Detail
	}
	if len(e.Entries) > 0 {
		s += "; entries: " + strings.Join(e.Entries, ", ")
	}
	if e.Reason == ReasonMultipleKeys {
		s += "; choose one with SelectAlias or SelectKey"
	}
	return s
}

// Unwrap returns the sentinel for the reason.
func (e *KeyError) Unwrap() error {
	switch e.Reason {
	case ReasonKeyMismatch:
		return ErrKeyMismatch
	case ReasonMultipleKeys:
		return ErrMultipleKeys
	case ReasonNoCertificate:
		return ErrNoCertificate
	case ReasonUnsupportedKey:
		return ErrUnsupported
	}
	return nil
}

// TargetError reports why a target cannot read a bundle (PK-2, PK-5). Its
// message is meant for the user and says what to do. It unwraps to
// [ErrUnreadable].
type TargetError struct {
	// Target is the reader judged.
	Target Target
	// Reason is ReasonEncryption, ReasonMAC, ReasonIterations,
	// ReasonKeyAlgorithm or ReasonUnpairedKey.
	Reason Reason
	// Where names the part of the file: "MAC", "safe 1", "key bag 1 in
	// safe 2", "key".
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
	switch e.Reason {
	case ReasonIterations:
		s += fmt.Sprintf(" (more than its maximum %d iterations)", e.Limit)
	case ReasonKeyAlgorithm:
		return s
	}
	return s + "; re-encode the bundle with Encode for this target"
}

// Unwrap returns ErrUnreadable.
func (e *TargetError) Unwrap() error { return ErrUnreadable }
