package ans104

import (
	"crypto/sha512"
	"hash"
	"strconv"
)

// DeepHashSize is the size of a deep hash (SHA-384).
const DeepHashSize = sha512.Size384

// DeepHash returns the Arweave deep hash of a list of blobs:
//
//	blob(b) = sha384(sha384("blob" + len(b)) || sha384(b))
//	list(L) = fold acc = sha384("list" + len(L)); acc = sha384(acc || blob(e))
//
// Lengths are written as decimal text. Data items only ever hash a flat
// list of blobs, so nested lists are not supported.
func DeepHash(blobs ...[]byte) [DeepHashSize]byte {
	var d deepHasher
	d.h = sha512.New384()
	var acc [DeepHashSize]byte
	d.tagged("list", len(blobs), acc[:0])
	for _, b := range blobs {
		var pair [2 * DeepHashSize]byte
		copy(pair[:], acc[:])
		d.blob(b, pair[DeepHashSize:DeepHashSize])
		d.h.Reset()
		d.h.Write(pair[:])
		d.h.Sum(acc[:0])
	}
	return acc
}

type deepHasher struct {
	h   hash.Hash
	tmp [32]byte
}

// tagged appends sha384(kind + decimal n) to dst.
func (d *deepHasher) tagged(kind string, n int, dst []byte) []byte {
	t := append(d.tmp[:0], kind...)
	t = strconv.AppendInt(t, int64(n), 10)
	d.h.Reset()
	d.h.Write(t)
	return d.h.Sum(dst)
}

// blob appends the deep hash of one blob to dst.
func (d *deepHasher) blob(b []byte, dst []byte) []byte {
	var pair [2 * DeepHashSize]byte
	d.tagged("blob", len(b), pair[:0])
	d.h.Reset()
	d.h.Write(b)
	d.h.Sum(pair[DeepHashSize:DeepHashSize])
	d.h.Reset()
	d.h.Write(pair[:])
	return d.h.Sum(dst)
}
