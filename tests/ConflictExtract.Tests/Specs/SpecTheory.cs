using Xunit.Abstractions;
using Xunit.Sdk;

namespace ConflictExtract.Tests.Specs;

/// <summary>A theory whose rows are shown by their first argument alone (a spec's id), not as Method(id: "...").</summary>
[XunitTestCaseDiscoverer("ConflictExtract.Tests.Specs.SpecTheoryDiscoverer", "ConflictExtract.Tests")]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class SpecTheoryAttribute : TheoryAttribute;

/// <summary>Discovers one <see cref="SpecTestCase"/> per data row.</summary>
public sealed class SpecTheoryDiscoverer(IMessageSink diagnosticMessageSink) : TheoryDiscoverer(diagnosticMessageSink)
{
    protected override IEnumerable<IXunitTestCase> CreateTestCasesForDataRow(ITestFrameworkDiscoveryOptions discoveryOptions,
        ITestMethod testMethod, IAttributeInfo theoryAttribute, object[] dataRow) =>
        [new SpecTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, dataRow)];
}

/// <summary>A test case displayed as its spec id.</summary>
public sealed class SpecTestCase : XunitTestCase
{
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes", true)]
    public SpecTestCase() { }

    public SpecTestCase(IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod method, object[] arguments)
        : base(sink, display, options, method, arguments) { }

    protected override string GetDisplayName(IAttributeInfo factAttribute, string displayName) =>
        TestMethodArguments is [string id] ? id : base.GetDisplayName(factAttribute, displayName);
}
