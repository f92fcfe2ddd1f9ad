// swift run bigram [--out DIR] [--names FILE]
//
// The lecture step itself is Sources/Lectures/Bigram.swift: read it there.
// `micrograd figures` runs every step; this runs one. It reads the names.txt
// the package carries unless --names says where.
import Lectures

exampleMain(BigramLecture.self)
