//go:build unix

package input

import (
	"os"
	"syscall"
)

// fileID identifies a file whatever the name it is reached by.
type fileID struct{ dev, ino uint64 }

// idOf returns the identity of the file fi describes: its device and inode.
func idOf(fi os.FileInfo, path string) fileID {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return fileID{uint64(st.Dev), uint64(st.Ino)}
	}
	return fileID{}
}
