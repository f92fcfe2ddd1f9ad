// swift run training [--out DIR]
//
// The lecture step itself is Sources/Lectures/Training.swift: read it there.
// `micrograd figures` runs every step; this runs one.
import Lectures

exampleMain(TrainingLecture.self)
