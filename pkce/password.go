package pkce

import (
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"
)

// passwordAlphabet is PK-1's character set: ASCII digits and letters, 62
// characters.
const passwordAlphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

// PasswordPolicy is a password rule: PK-1's alphabet (always), plus length
// bounds. The zero value is PK-1 exactly: any non-empty password of ASCII
// letters and digits.
type PasswordPolicy struct {
	// MinLength is the minimum number of characters; values below 1 mean 1
	// (PK-1 refuses the empty password).
	MinLength int
	// MaxLength is the maximum number of characters; 0 means no maximum.
	MaxLength int
}

// Check reports whether pw satisfies the policy, or returns a
// *[PasswordError] naming the first refused character by its 1-based
// position. The error never contains the password.
//
//	PasswordPolicy{MinLength: 12}.Check("abc123") // ReasonPasswordTooShort
func (p PasswordPolicy) Check(pw string) error {
	if pw == "" {
		return &PasswordError{Reason: ReasonEmptyPassword}
	}
	// PK-1: "only ASCII a-z, A-Z, 0-9"; any other character is refused
	// with its position, never its value.
	n := 0
	for _, r := range pw {
		n++
		if !isAlnum(r) {
			return &PasswordError{Reason: ReasonPasswordCharacter, Position: n, Length: utf8.RuneCountInString(pw)}
		}
	}
	if min := max(p.MinLength, 1); n < min {
		return &PasswordError{Reason: ReasonPasswordTooShort, Length: n, Limit: min}
	}
	if p.MaxLength > 0 && n > p.MaxLength {
		return &PasswordError{Reason: ReasonPasswordTooLong, Length: n, Limit: p.MaxLength}
	}
	return nil
}

// String describes the policy, for logs and flag help.
func (p PasswordPolicy) String() string {
	min := max(p.MinLength, 1)
	s := fmt.Sprintf("ASCII letters and digits, at least %d", min)
	last := min
	if p.MaxLength > 0 {
		s += fmt.Sprintf(", at most %d", p.MaxLength)
		last = p.MaxLength
	}
	if last == 1 {
		return s + " character"
	}
	return s + " characters"
}

func isAlnum(r rune) bool {
	return '0' <= r && r <= '9' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
}

// CheckPassword applies PK-1: a password must be non-empty and consist of
// ASCII letters and digits only, because the vendor's install script fails
// on others and PKCS#12 readers disagree on how to encode non-ASCII ones.
// It is PasswordPolicy{}.Check. A refused password gives a *[PasswordError]
// with the position of the first bad character and never the character:
//
//	CheckPassword("s3cret!") // pkce: password character 7 is not an ASCII letter or digit
func CheckPassword(pw string) error {
	return PasswordPolicy{}.Check(pw)
}

// GeneratePassword returns n characters drawn uniformly and independently
// from PK-1's 62 letters and digits using crypto/rand, so the result has
// about 5.95 bits of entropy per character (22 characters give 128 bits)
// and always passes [CheckPassword]. It returns an error if n < 1 or the
// system random source fails.
func GeneratePassword(n int) (string, error) {
	return generatePassword(rand.Reader, n)
}

func generatePassword(r io.Reader, n int) (string, error) {
	if n < 1 {
		return "", errors.New("pkce: password length must be at least 1")
	}
	out := make([]byte, 0, n)
	var buf [64]byte
	for len(out) < n {
		if _, err := io.ReadFull(r, buf[:]); err != nil {
			return "", fmt.Errorf("pkce: reading random bytes: %w", err)
		}
		for _, b := range buf {
			// Rejection sampling: 248 = 4*62 is the largest multiple of 62
			// not above 256, so bytes 248..255 are discarded and the rest map
			// onto the alphabet with no modulo bias.
			if b >= 248 {
				continue
			}
			out = append(out, passwordAlphabet[b%62])
			if len(out) == n {
				break
			}
		}
	}
	return string(out), nil
}
