// swift run bigram [--out DIR] [--names FILE]
//
// The lecture step itself is Sources/Lectures/Bigram.swift: read it there.
// `micrograd figures` runs every step; this runs one. It reads makemore's
// names.txt from ../shared/data/names.txt unless --names says where.
import Lectures

exampleMain(BigramLecture.self)
