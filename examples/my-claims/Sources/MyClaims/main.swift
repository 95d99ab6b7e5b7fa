import VerifyCommandLine

// The whole `verify` command line (list, run, --set, --output, sweeps, eval, check...) with
// this package's claim after the built-in ones; `includingBuiltIns: false` keeps only it.
VerifyCommand.main(claims: [LogisticFixedPoint()])
