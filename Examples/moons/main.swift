// swift run moons [--out DIR]
//
// The lecture step itself is Sources/Lectures/Moons.swift: read it there.
// `micrograd figures` runs every step; this runs one.
import Lectures

exampleMain(MoonsLecture.self)
