package serial

import (
	"math/big"
	"testing"
)

func TestHex(t *testing.T) {
	big20 := new(big.Int).SetBytes([]byte{0x8c, 0x20, 0x26, 0x01, 0x01, 0, 0, 0, 0x01})
	tests := []struct {
		name string
		n    *big.Int
		want string
	}{
		{"nil is empty", nil, ""},
		{"zero is one byte", big.NewInt(0), "00"},
		{"one byte keeps its leading zero digit", big.NewInt(0x0c), "0c"},
		{"bytes joined by colons", big.NewInt(0x20111210), "20:11:12:10"},
		{"nine bytes, as openssl prints long serials", big20, "8c:20:26:01:01:00:00:00:01"},
		{"negative serial keeps its sign", big.NewInt(-0x0102), "-01:02"},
		{"the renewcheck sample's serial", big.NewInt(0x2025121001), "20:25:12:10:01"},
		{"a 20-byte serial", new(big.Int).SetBytes([]byte{0x8c, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 0xff}),
			"8c:01:02:03:04:05:06:07:08:09:0a:0b:0c:0d:0e:0f:10:11:12:ff"},
	}
	for _, tc := range tests {
		if got := Hex(tc.n); got != tc.want {
			t.Errorf("%s: Hex(%v) = %q, want %q", tc.name, tc.n, got, tc.want)
		}
	}
}
