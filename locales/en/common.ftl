stdout-failed = cannot write the output to stdout: { $cause }
