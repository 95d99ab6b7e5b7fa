func runBigFloatBench() {}
