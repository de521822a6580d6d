namespace ConflictExtract.Tests;
public class ProbeTests { [Fact] public void Two() => Assert.Equal(2, Probe.Count("three people were killed and 64 injured")); }
