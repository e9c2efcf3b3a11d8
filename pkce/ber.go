package pkce

// classify says why data, which failed to parse as the expected DER, is
// bad: ReasonTruncated if a length runs past the end, ReasonBER if it is
// well-formed BER using constructs DER forbids (X.690 section 10:
// indefinite lengths, non-minimal lengths, constructed strings), and
// ReasonSyntax otherwise. It looks inside OCTET STRINGs too, because
// PKCS#12 nests encodings there. Its cost is bounded by maxWalkDepth
// passes over data.
func classify(data []byte) Reason {
	w := berWalker{}
	_, ok := w.element(data, 0)
	switch {
	case w.truncated:
		return ReasonTruncated
	case w.ber:
		return ReasonBER
	case !ok:
		return ReasonSyntax
	}
	return ReasonSyntax
}

const maxWalkDepth = 24

type berWalker struct {
	truncated, ber bool
	steps          int
}

// elements walks a sequence of TLVs filling data, or up to an
// end-of-contents marker when indef is set. It returns the bytes consumed.
func (w *berWalker) elements(data []byte, depth int, indef bool) (int, bool) {
	off := 0
	for off < len(data) {
		if indef && off+1 < len(data) && data[off] == 0 && data[off+1] == 0 {
			return off + 2, true
		}
		n, ok := w.element(data[off:], depth)
		if !ok {
			return off, false
		}
		off += n
	}
	if indef {
		w.truncated = true
		return off, false
	}
	return off, true
}

// element walks one TLV and returns its encoded length.
func (w *berWalker) element(data []byte, depth int) (int, bool) {
	w.steps++
	if depth > maxWalkDepth || w.steps > 1<<16 {
		return 0, false
	}
	if len(data) < 2 {
		w.truncated = len(data) == 1
		return 0, false
	}
	tag := data[0]
	off := 1
	if tag&0x1f == 0x1f { // high tag number form
		for {
			if off >= len(data) {
				w.truncated = true
				return 0, false
			}
			b := data[off]
			off++
			if b&0x80 == 0 {
				break
			}
			if off > 5 {
				return 0, false
			}
		}
	}
	if off >= len(data) {
		w.truncated = true
		return 0, false
	}
	constructed := tag&0x20 != 0
	l := int(data[off])
	off++
	if l == 0x80 {
		if !constructed {
			return 0, false
		}
		w.ber = true
		n, ok := w.elements(data[off:], depth+1, true)
		return off + n, ok
	}
	if l > 0x80 {
		nb := l & 0x7f
		if nb > 4 {
			return 0, false
		}
		if off+nb > len(data) {
			w.truncated = true
			return 0, false
		}
		l = 0
		for i := 0; i < nb; i++ {
			l = l<<8 | int(data[off+i])
		}
		if data[off] == 0 || l < 0x80 {
			w.ber = true // non-minimal length
		}
		off += nb
	}
	if l > len(data)-off {
		w.truncated = true
		return 0, false
	}
	content := data[off : off+l]
	if constructed {
		if tag == 0x24 || tag == 0x23 || tag == 0x2c || tag == 0x3e { // constructed OCTET/BIT/UTF8/BMP STRING
			w.ber = true
		}
		if _, ok := w.elements(content, depth+1, false); !ok {
			return 0, false
		}
	} else if tag == 0x04 || tag == 0x80 {
		// OCTET STRING or [0] IMPLICIT OCTET STRING: PKCS#12 nests DER in
		// these. Look inside speculatively; only what is found counts.
		inner := berWalker{steps: w.steps}
		if _, ok := inner.elements(content, depth+1, false); ok && inner.ber {
			w.ber = true
		}
		w.steps = inner.steps
	}
	return off + l, true
}
