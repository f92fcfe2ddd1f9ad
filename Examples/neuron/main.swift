// swift run neuron [--out DIR]
//
// The lecture step itself is Sources/Lectures/Neuron.swift: read it there.
// `micrograd figures` runs every step; this runs one.
import Lectures

exampleMain(NeuronLecture.self)
