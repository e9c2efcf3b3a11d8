package pkce

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestCheckPassword(t *testing.T) {
	tests := []struct {
		name, pw string
		policy   PasswordPolicy
		want     *PasswordError // nil: accepted
		reason   string
	}{
		{name: "PK-1 letters and digits accepted", pw: "Abc123xyz"},
		{name: "PK-1 one character accepted", pw: "a", reason: "the default policy has no minimum beyond non-empty"},
		{name: "PK-1 all 62 characters accepted", pw: passwordAlphabet},
		{name: "PK-1 empty refused", pw: "", want: &PasswordError{Reason: ReasonEmptyPassword}},
		{name: "PK-1 symbol at position 7", pw: "s3cret!", want: &PasswordError{Reason: ReasonPasswordCharacter, Position: 7, Length: 7}},
		{name: "PK-1 space at position 1", pw: " abc", want: &PasswordError{Reason: ReasonPasswordCharacter, Position: 1, Length: 4}},
		{name: "PK-1 underscore refused", pw: "abc_def", want: &PasswordError{Reason: ReasonPasswordCharacter, Position: 4, Length: 7}},
		{name: "PK-1 full-width digit refused, position in characters", pw: "ab１c", reason: "non-ASCII digits are not 0-9",
			want: &PasswordError{Reason: ReasonPasswordCharacter, Position: 3, Length: 4}},
		{name: "PK-1 Japanese counted as one character each", pw: "パスワード1!", want: &PasswordError{Reason: ReasonPasswordCharacter, Position: 1, Length: 7}},
		{name: "PK-1 NUL refused", pw: "ab\x00", want: &PasswordError{Reason: ReasonPasswordCharacter, Position: 3, Length: 3}},
		{name: "PK-1 invalid UTF-8 refused", pw: "ab\xff", want: &PasswordError{Reason: ReasonPasswordCharacter, Position: 3, Length: 3}},
		{name: "PK-1 policy minimum: one below", pw: "abcdefghijk", policy: PasswordPolicy{MinLength: 12},
			want: &PasswordError{Reason: ReasonPasswordTooShort, Length: 11, Limit: 12}},
		{name: "PK-1 policy minimum: exactly", pw: "abcdefghijkl", policy: PasswordPolicy{MinLength: 12}},
		{name: "PK-1 policy maximum: exactly", pw: "abcd", policy: PasswordPolicy{MaxLength: 4}},
		{name: "PK-1 policy maximum: one above", pw: "abcde", policy: PasswordPolicy{MaxLength: 4},
			want: &PasswordError{Reason: ReasonPasswordTooLong, Length: 5, Limit: 4}},
		{name: "PK-1 character checked before length", pw: "a!", policy: PasswordPolicy{MinLength: 12},
			want: &PasswordError{Reason: ReasonPasswordCharacter, Position: 2, Length: 2}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.policy.Check(tc.pw)
			if tc.policy == (PasswordPolicy{}) {
				if e2 := CheckPassword(tc.pw); fmt.Sprint(e2) != fmt.Sprint(err) {
					t.Errorf("CheckPassword = %v, PasswordPolicy{}.Check = %v", e2, err)
				}
			}
			if tc.want == nil {
				if err != nil {
					t.Fatalf("Check = %v, want nil (%s)", err, tc.reason)
				}
				return
			}
			var pe *PasswordError
			if !errors.As(err, &pe) {
				t.Fatalf("Check = %v, want *PasswordError", err)
			}
			if diff := cmp.Diff(tc.want, pe); diff != "" {
				t.Errorf("PasswordError (-want +got):\n%s", diff)
			}
			// PK-1: "never the password itself".
			for _, s := range []string{pe.Error(), pe.String(), fmt.Sprintf("%v %+v %#v", err, err, err)} {
				if len(tc.pw) > 1 && strings.Contains(s, tc.pw) {
					t.Errorf("message %q contains the password", s)
				}
				for _, bad := range []string{"!", "_", "１", "パ", "\x00", "\xff"} {
					if strings.Contains(s, bad) {
						t.Errorf("message %q contains a password character", s)
					}
				}
			}
		})
	}
}

func TestPasswordErrorMessage(t *testing.T) {
	got := CheckPassword("s3cret!").Error()
	want := "pkce: password character 7 is not an ASCII letter or digit"
	if got != want {
		t.Errorf("PK-1 message = %q, want %q", got, want)
	}
}

func TestGeneratePassword(t *testing.T) {
	for _, n := range []int{1, 16, 22, 100} {
		pw, err := GeneratePassword(n)
		if err != nil {
			t.Fatal(err)
		}
		if len(pw) != n {
			t.Errorf("PK-1 GeneratePassword(%d) has length %d", n, len(pw))
		}
		if err := CheckPassword(pw); err != nil {
			t.Errorf("PK-1 generated password refused: %v", err)
		}
	}
	if _, err := GeneratePassword(0); err == nil {
		t.Error("GeneratePassword(0) succeeded")
	}
}

// TestGeneratePasswordUniform feeds every byte value through the sampler:
// each of the 62 characters must come out exactly 4 times, and the 8
// values 248..255 must be rejected (no modulo bias).
func TestGeneratePasswordUniform(t *testing.T) {
	var src bytes.Buffer
	for i := 0; i < 256; i++ {
		src.WriteByte(byte(i))
	}
	pw, err := generatePassword(&src, 248)
	if err != nil {
		t.Fatal(err)
	}
	counts := map[rune]int{}
	for _, r := range pw {
		counts[r]++
	}
	for _, r := range passwordAlphabet {
		if counts[r] != 4 {
			t.Errorf("PK-1 character %q drawn %d times from 248 accepted bytes, want 4", r, counts[r])
		}
	}
}

func TestPasswordPolicyString(t *testing.T) {
	got := PasswordPolicy{MinLength: 12, MaxLength: 64}.String()
	want := "ASCII letters and digits, at least 12, at most 64 characters"
	if got != want {
		t.Errorf("String = %q, want %q", got, want)
	}
}
