// Package serial writes certificate serial numbers one way across the
// module: as colon-separated lower-case hex bytes, as openssl x509 -text
// prints serials longer than eight bytes ("20:11:12:10"). The library's
// messages (renewal, contract) and the example commands all use it, so a
// serial in an error message can be found in a command's output.
package serial

import "math/big"

const hexLower = "0123456789abcdef"

// Hex returns n as colon-separated lower-case hex bytes: Hex(0x201112) is
// "20:11:12", Hex(0) is "00". A negative serial, which RFC 5280 4.1.2.2
// forbids but which exists, has a leading '-'; a nil n gives "".
func Hex(n *big.Int) string {
	if n == nil {
		return ""
	}
	bs := n.Bytes()
	if len(bs) == 0 {
		bs = []byte{0}
	}
	b := make([]byte, 0, 3*len(bs)+1)
	if n.Sign() < 0 {
		b = append(b, '-')
	}
	for i, x := range bs {
		if i > 0 {
			b = append(b, ':')
		}
		b = append(b, hexLower[x>>4], hexLower[x&15])
	}
	return string(b)
}
