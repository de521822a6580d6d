System.Console.WriteLine("conflict-extract: not yet");
