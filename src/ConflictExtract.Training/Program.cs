System.Console.WriteLine("training");
