// swift run expression [--out DIR]
//
// The lecture step itself is Sources/Lectures/Expression.swift: read it there.
// `micrograd figures` runs every step; this runs one.
import Lectures

exampleMain(ExpressionLecture.self)
