// swift run add [--out DIR]
//
// The lecture step itself is Sources/Lectures/Add.swift: read it there.
// `micrograd figures` runs every step; this runs one.
import Lectures

exampleMain(AddLecture.self)
