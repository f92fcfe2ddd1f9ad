// swift run chain [--out DIR]
//
// The lecture step itself is Sources/Lectures/Chain.swift: read it there.
// `micrograd figures` runs every step; this runs one.
import Lectures

exampleMain(ChainLecture.self)
