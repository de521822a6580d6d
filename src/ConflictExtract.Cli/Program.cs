System.Console.WriteLine(ConflictExtract.Probe.Count("three people were killed and 64 injured"));
