// swift run mlp [--out DIR]
//
// The lecture step itself is Sources/Lectures/MLPLecture.swift: read it there.
// `micrograd figures` runs every step; this runs one.
import Lectures

exampleMain(MLPLecture.self)
