import VerifyCommandLine

// The `verify` executable: the command line over the built-in claims.
VerifyCommand.main(claims: [])
