// Package phototest makes stand-in photographs for benchmarks: JPEG-like
// YCbCr pictures with smooth gradients, shapes and fine grain, different
// for every seed, so decoding and scaling them costs what real photos cost.
package phototest
