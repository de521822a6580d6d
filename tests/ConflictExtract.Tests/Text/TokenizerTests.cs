using ConflictExtract.Text;

namespace ConflictExtract.Tests.Text;

public class TokenizerTests
{
    internal static string[] Texts(string text)
    {
        var tokens = Tokenizer.Tokenize(text);
        var result = new string[tokens.Length];
        for (int i = 0; i < tokens.Length; i++)
        {
            var t = tokens[i];
            Assert.True(t.Start >= 0 && t.End <= text.Length && t.Length > 0);
            Assert.Equal(text[t.Start..t.End], t.Slice(text).ToString());
            result[i] = text[t.Start..t.End];
        }
        return result;
    }

    private static Token Find(string text, string tokenText)
    {
        foreach (var t in Tokenizer.Tokenize(text))
            if (t.Slice(text).SequenceEqual(tokenText)) return t;
        throw new Xunit.Sdk.XunitException($"token '{tokenText}' not found in: {string.Join(" | ", Texts(text))}");
    }

    [Theory]
    [InlineData("Russia has fired missiles since Dec. 30.", "Dec.")]
    [InlineData("On Jan. 5 and Feb. 9 the strikes resumed.", "Jan.")]
    [InlineData("On Jan. 5 and Feb. 9 the strikes resumed.", "Feb.")]
    [InlineData("It happened in Sept. 2022.", "Sept.")]
    [InlineData("Officials in the U.S. said so.", "U.S.")]
    [InlineData("The U.N. agency warned.", "U.N.")]
    [InlineData("The U.K. government warned.", "U.K.")]
    [InlineData("Gen. Valerii Zaluzhnyi said.", "Gen.")]
    [InlineData("Lt. Col. Ivan Petrenko said.", "Lt.")]
    [InlineData("Lt. Col. Ivan Petrenko said.", "Col.")]
    [InlineData("Brigade No. 93 fought there.", "No.")]
    [InlineData("He lives on St. Andrew street.", "St.")]
    [InlineData("Mr. Smith and Dr. Jones met.", "Mr.")]
    [InlineData("Mr. Smith and Dr. Jones met.", "Dr.")]
    [InlineData("Maj. Kovalenko and Sgt. Bondar were hurt.", "Maj.")]
    [InlineData("Maj. Kovalenko and Sgt. Bondar were hurt.", "Sgt.")]
    [InlineData("Gov. Oleh Syniehubov wrote.", "Gov.")]
    [InlineData("Rep. Adam Smith spoke.", "Rep.")]
    [InlineData("drones, shells, etc. were used", "etc.")]
    [InlineData("Acme Inc. and Foo Co. bid.", "Inc.")]
    [InlineData("Acme Inc. and Foo Co. bid.", "Co.")]
    [InlineData("George J. Kent said.", "J.")]
    [InlineData("It began at 5 a.m. local time.", "a.m.")]
    [InlineData("KYIV, DEC. 30 (AP) - Blasts shook the city.", "DEC.")]
    public void Abbreviation_keeps_full_stop(string text, string abbr)
    {
        var t = Find(text, abbr);
        Assert.True(t.Has(TokenFlags.Abbreviation));
        Assert.Equal(TokenKind.Word, t.Kind);
        Assert.Equal(abbr, text[t.Start..t.End]);
    }

    [Fact]
    public void Lt_Col_is_two_abbreviation_tokens()
    {
        Assert.Equal(["Lt.", "Col.", "Ivan", "Petrenko"], Texts("Lt. Col. Ivan Petrenko"));
    }

    [Fact]
    public void Sentence_final_word_does_not_take_stop()
    {
        Assert.Equal(["They", "left", "Kyiv", "."], Texts("They left Kyiv."));
        Assert.False(Find("They left Kyiv.", "Kyiv").Has(TokenFlags.Abbreviation));
    }

    [Fact]
    public void Us_acronym_flags()
    {
        var t = Find("in the U.S. now", "U.S.");
        Assert.Equal(TokenFlags.Abbreviation | TokenFlags.Capitalized | TokenFlags.AllCaps | TokenFlags.SpaceBefore, t.Flags);
    }

    [Fact]
    public void Us_led_is_one_hyphenated_word()
    {
        Assert.Equal(["a", "U.S.-led", "coalition"], Texts("a U.S.-led coalition"));
        Assert.True(Find("a U.S.-led coalition", "U.S.-led").Has(TokenFlags.HasHyphen));
    }

    [Theory]
    [InlineData("about 1,000 people", "1,000")]
    [InlineData("a 3.5 km radius", "3.5")]
    [InlineData("some 1.2 million people", "1.2")]
    [InlineData("up 10% today", "10")]
    [InlineData("over 1,250,000.75 hryvnias", "1,250,000.75")]
    public void Numbers(string text, string number)
    {
        var t = Find(text, number);
        Assert.Equal(TokenKind.Number, t.Kind);
        Assert.True(t.Has(TokenFlags.HasDigit));
    }

    [Fact]
    public void Number_then_million()
    {
        Assert.Equal(["some", "1.2", "million", "people"], Texts("some 1.2 million people"));
        var tokens = Tokenizer.Tokenize("some 1.2 million people");
        Assert.Equal(TokenKind.Number, tokens[1].Kind);
        Assert.Equal(TokenKind.Word, tokens[2].Kind);
    }

    [Fact]
    public void Percent_and_dollar_are_symbols()
    {
        const string text = "prices rose 10% to $5 each";
        Assert.Equal(["prices", "rose", "10", "%", "to", "$", "5", "each"], Texts(text));
        var tokens = Tokenizer.Tokenize(text);
        Assert.Equal(TokenKind.Number, tokens[2].Kind);
        Assert.Equal(TokenKind.Symbol, tokens[3].Kind);
        Assert.False(tokens[3].Has(TokenFlags.SpaceBefore));
        Assert.Equal(TokenKind.Symbol, tokens[5].Kind);
        Assert.Equal(TokenKind.Number, tokens[6].Kind);
    }

    [Fact]
    public void Iso_date_is_one_token()
    {
        Assert.Equal(["on", "2023-12-30", "at", "dawn"], Texts("on 2023-12-30 at dawn"));
        var t = Find("on 2023-12-30 at dawn", "2023-12-30");
        Assert.Equal(TokenKind.Word, t.Kind);
        Assert.True(t.Has(TokenFlags.HasDigit | TokenFlags.HasHyphen));
    }

    [Fact]
    public void Twenty_four_hour()
    {
        var t = Find("a 24-hour curfew", "24-hour");
        Assert.Equal(TokenKind.Word, t.Kind);
        Assert.Equal(TokenFlags.HasDigit | TokenFlags.HasHyphen | TokenFlags.SpaceBefore, t.Flags);
    }

    [Fact]
    public void Number_followed_by_sentence_stop()
    {
        Assert.Equal(["It", "was", "2022", "."], Texts("It was 2022."));
    }

    [Theory]
    [InlineData("KN-23/24")]
    [InlineData("Kh-101")]
    [InlineData("S-300")]
    [InlineData("Shahed-136")]
    [InlineData("MiG-31K")]
    [InlineData("Su-34")]
    [InlineData("BM-21")]
    [InlineData("9M723")]
    [InlineData("Tu-95MS")]
    [InlineData("Kh-47M2")]
    [InlineData("3M-14")]
    [InlineData("F-16s")]
    public void Designation_is_one_word(string designation)
    {
        string text = $"Russia launched {designation} missiles, officials said.";
        var texts = Texts(text);
        Assert.Equal(["Russia", "launched", designation, "missiles", ",", "officials", "said", "."], texts);
        var t = Find(text, designation);
        Assert.Equal(TokenKind.Word, t.Kind);
        Assert.True(t.Has(TokenFlags.HasDigit));
        Assert.Equal(designation.Contains('-'), t.Has(TokenFlags.HasHyphen));
        Assert.Equal(designation.Contains('/'), t.Has(TokenFlags.HasSlash));
    }

    [Fact]
    public void Designation_offsets_are_exact()
    {
        const string text = "A Kh-101 and a KN-23/24.";
        var tokens = Tokenizer.Tokenize(text);
        Assert.Equal(new Token(2, 6, TokenKind.Word, TokenFlags.SpaceBefore | TokenFlags.Capitalized | TokenFlags.HasDigit | TokenFlags.HasHyphen), tokens[1]);
        Assert.Equal(new Token(15, 8, TokenKind.Word, TokenFlags.SpaceBefore | TokenFlags.Capitalized | TokenFlags.AllCaps | TokenFlags.HasDigit | TokenFlags.HasHyphen | TokenFlags.HasSlash), tokens[4]);
        Assert.Equal(new Token(23, 1, TokenKind.Punctuation, TokenFlags.None), tokens[5]);
    }

    [Theory]
    [InlineData("North Korean-made missiles", new[] { "North", "Korean-made", "missiles" })]
    [InlineData("the Russia-Ukraine war", new[] { "the", "Russia-Ukraine", "war" })]
    [InlineData("a five-year-old girl", new[] { "a", "five-year-old", "girl" })]
    [InlineData("in Kamianets-Podilskyi today", new[] { "in", "Kamianets-Podilskyi", "today" })]
    [InlineData("and/or both", new[] { "and/or", "both" })]
    [InlineData("Kyiv\u2011based group", new[] { "Kyiv\u2011based", "group" })]
    public void Hyphenated_and_slashed_words(string text, string[] expected)
    {
        Assert.Equal(expected, Texts(text));
    }

    [Fact]
    public void Possessive_is_split_with_curly_apostrophe()
    {
        const string text = "Ukraine\u2019s army";
        Assert.Equal(["Ukraine", "\u2019s", "army"], Texts(text));
        var tokens = Tokenizer.Tokenize(text);
        Assert.Equal(new Token(0, 7, TokenKind.Word, TokenFlags.SpaceBefore | TokenFlags.Capitalized), tokens[0]);
        Assert.Equal(new Token(7, 2, TokenKind.Word, TokenFlags.None), tokens[1]);
    }

    [Fact]
    public void Possessive_is_split_with_straight_apostrophe()
    {
        Assert.Equal(["Kiev", "'s", "Independence", "Square"], Texts("Kiev's Independence Square"));
    }

    [Theory]
    [InlineData("They didn't say.", new[] { "They", "did", "n't", "say", "." })]
    [InlineData("We can\u2019t confirm", new[] { "We", "ca", "n\u2019t", "confirm" })]
    [InlineData("they're here", new[] { "they", "'re", "here" })]
    [InlineData("we'll see, I'm sure", new[] { "we", "'ll", "see", ",", "I", "'m", "sure" })]
    [InlineData("Sean O'Brien said", new[] { "Sean", "O'Brien", "said" })]
    [InlineData("the soldiers' positions", new[] { "the", "soldiers", "'", "positions" })]
    public void Contractions_and_apostrophes(string text, string[] expected)
    {
        Assert.Equal(expected, Texts(text));
    }

    [Fact]
    public void Quotes_are_punctuation()
    {
        const string text = "\u201CNo,\u201D he said. \u2018Yes\u2019 \"maybe\" 'so' \u00ABnet\u00BB";
        Assert.Equal(["\u201C", "No", ",", "\u201D", "he", "said", ".", "\u2018", "Yes", "\u2019", "\"", "maybe", "\"", "'", "so", "'", "\u00AB", "net", "\u00BB"], Texts(text));
        foreach (var t in Tokenizer.Tokenize(text))
            if (t.Length == 1 && text[t.Start] is '\u201C' or '\u201D' or '\u2018' or '\u2019' or '"' or '\'' or '\u00AB' or '\u00BB')
                Assert.Equal(TokenKind.Punctuation, t.Kind);
    }

    [Fact]
    public void Dashes_are_punctuation()
    {
        const string text = "Kyiv - the capital \u2013 was hit \u2014 again \u2015 today--yes";
        Assert.Equal(["Kyiv", "-", "the", "capital", "\u2013", "was", "hit", "\u2014", "again", "\u2015", "today", "--", "yes"], Texts(text));
        var tokens = Tokenizer.Tokenize(text);
        Assert.Equal(TokenKind.Punctuation, tokens[1].Kind);
        Assert.Equal(TokenKind.Punctuation, tokens[4].Kind);
        Assert.Equal(TokenKind.Punctuation, tokens[7].Kind);
        Assert.Equal(TokenKind.Punctuation, tokens[9].Kind);
    }

    [Fact]
    public void Ellipsis_is_one_token()
    {
        Assert.Equal(["Wait", "...", "then", "\u2026", "go"], Texts("Wait... then\u2026 go"));
        var tokens = Tokenizer.Tokenize("Wait... then\u2026 go");
        Assert.Equal(TokenKind.Punctuation, tokens[1].Kind);
        Assert.Equal(3, tokens[1].Length);
        Assert.Equal(TokenKind.Punctuation, tokens[3].Kind);
    }

    [Fact]
    public void Brackets_are_punctuation()
    {
        Assert.Equal(["(", "Reuters", ")", "[", "1", "]", "{", "x", "}"], Texts("(Reuters) [1] {x}"));
    }

    [Theory]
    [InlineData("See http://example.com/a?b=1 now.", "http://example.com/a?b=1")]
    [InlineData("See https://www.reuters.com/world/europe/ now.", "https://www.reuters.com/world/europe/")]
    [InlineData("Visit www.kyivindependent.com.", "www.kyivindependent.com")]
    [InlineData("Posted on x.com/path today", "x.com/path")]
    [InlineData("Mail press@mod.gov.ua, please", "press@mod.gov.ua")]
    [InlineData("(see https://t.me/channel)", "https://t.me/channel")]
    [InlineData("at www.x.y today", "www.x.y")]
    [InlineData("Go to http://x.com.", "http://x.com")]
    public void Urls_are_one_token(string text, string url)
    {
        var t = Find(text, url);
        Assert.Equal(TokenKind.Url, t.Kind);
    }

    [Fact]
    public void Missing_space_after_stop_is_not_url()
    {
        Assert.Equal(["in", "Kyiv", ".", "It", "was"], Texts("in Kyiv.It was"));
    }

    [Fact]
    public void Url_offsets_and_trailing_stop()
    {
        const string text = "Go to http://x.com.";
        Assert.Equal(["Go", "to", "http://x.com", "."], Texts(text));
        Assert.Equal(new Token(6, 12, TokenKind.Url, TokenFlags.SpaceBefore), Tokenizer.Tokenize(text)[2]);
    }

    [Fact]
    public void Time_and_ratio_are_separate_tokens()
    {
        Assert.Equal(["at", "10", ":", "30", "GMT"], Texts("at 10:30 GMT"));
    }

    [Fact]
    public void Possessive_after_acronym()
    {
        Assert.Equal(["the", "U.S.", "'s", "aid"], Texts("the U.S.'s aid"));
    }

    [Fact]
    public void Soft_hyphen_and_combining_marks_stay_inside_word()
    {
        Assert.Equal(["Kam\u00ADianets", "cafe\u0301"], Texts("Kam\u00ADianets cafe\u0301"));
    }

    [Fact]
    public void Whitespace_flags()
    {
        const string text = "Headline here\nFirst line\r\n\r\nNew paragraph";
        var tokens = Tokenizer.Tokenize(text);
        Assert.Equal(["Headline", "here", "First", "line", "New", "paragraph"], Texts(text));
        Assert.True(tokens[0].Has(TokenFlags.SpaceBefore));
        Assert.Equal(TokenFlags.SpaceBefore, tokens[1].Flags);
        Assert.Equal(TokenFlags.SpaceBefore | TokenFlags.NewlineBefore | TokenFlags.Capitalized, tokens[2].Flags);
        Assert.False(tokens[2].Has(TokenFlags.ParagraphBefore));
        Assert.True(tokens[4].Has(TokenFlags.ParagraphBefore | TokenFlags.NewlineBefore));
        Assert.True(tokens[4].Has(TokenFlags.ParagraphBefore));
        Assert.False(Find("a,b", ",").Has(TokenFlags.SpaceBefore));
    }

    [Fact]
    public void Blank_line_with_spaces_is_paragraph()
    {
        var tokens = Tokenizer.Tokenize("one\n  \t \ntwo");
        Assert.True(tokens[1].Has(TokenFlags.ParagraphBefore));
    }

    [Fact]
    public void Case_flags()
    {
        Assert.Equal(TokenFlags.SpaceBefore | TokenFlags.Capitalized | TokenFlags.AllCaps, Tokenizer.Tokenize("KYIV")[0].Flags);
        Assert.Equal(TokenFlags.SpaceBefore | TokenFlags.Capitalized, Tokenizer.Tokenize("Kyiv")[0].Flags);
        Assert.Equal(TokenFlags.SpaceBefore | TokenFlags.Capitalized, Tokenizer.Tokenize("I")[0].Flags);
        Assert.Equal(TokenFlags.SpaceBefore, Tokenizer.Tokenize("kyiv")[0].Flags);
        Assert.Equal(TokenFlags.SpaceBefore | TokenFlags.Capitalized | TokenFlags.AllCaps, Tokenizer.Tokenize("\u0425\u0410\u0420\u041A\u0406\u0412")[0].Flags);
    }

    [Fact]
    public void Emoji_never_split()
    {
        const string text = "hit \U0001F4A5 \U0001F44D\U0001F3FD \U0001F1FA\U0001F1E6 \u2764\uFE0F ok";
        Assert.Equal(["hit", "\U0001F4A5", "\U0001F44D\U0001F3FD", "\U0001F1FA\U0001F1E6", "\u2764\uFE0F", "ok"], Texts(text));
        var tokens = Tokenizer.Tokenize(text);
        for (int i = 1; i <= 4; i++) Assert.Equal(TokenKind.Symbol, tokens[i].Kind);
    }

    [Fact]
    public void Zwj_emoji_sequence_is_one_symbol()
    {
        const string family = "\U0001F468\u200D\U0001F469\u200D\U0001F467";
        Assert.Equal(["a", family, "b"], Texts("a " + family + " b"));
    }

    [Fact]
    public void Non_latin_words()
    {
        const string text = "\u0423\u043A\u0440\u0430\u0457\u043D\u0430 \u2014 Zaporizhzhia\u2019s na\u00EFve r\u00E9sum\u00E9";
        Assert.Equal(["\u0423\u043A\u0440\u0430\u0457\u043D\u0430", "\u2014", "Zaporizhzhia", "\u2019s", "na\u00EFve", "r\u00E9sum\u00E9"], Texts(text));
        Assert.True(Tokenizer.Tokenize(text)[0].Has(TokenFlags.Capitalized));
    }

    [Fact]
    public void Lone_surrogates_are_one_char_symbols()
    {
        const string text = "a\uD800b \uDC00 c\uD83D";
        var tokens = Tokenizer.Tokenize(text);
        Assert.Equal(["a", "\uD800", "b", "\uDC00", "c", "\uD83D"], Texts(text));
        Assert.Equal(TokenKind.Symbol, tokens[1].Kind);
        Assert.Equal(1, tokens[1].Length);
        Assert.Equal(TokenKind.Symbol, tokens[3].Kind);
        Assert.Equal(TokenKind.Symbol, tokens[5].Kind);
    }

    [Fact]
    public void Control_chars_are_whitespace()
    {
        Assert.Equal(["a", "b", "c"], Texts("a\0b\u0001\u0085c"));
        Assert.True(Tokenizer.Tokenize("a\u0085c")[1].Has(TokenFlags.NewlineBefore));
    }

    [Fact]
    public void Empty_and_blank()
    {
        Assert.Empty(Tokenizer.Tokenize(""));
        Assert.Empty(Tokenizer.Tokenize(" \n\t "));
        Assert.Empty(Tokenizer.Tokenize(null!));
    }

    [Fact]
    public void Appends_to_list()
    {
        var list = new List<Token> { new(0, 1, TokenKind.Word, TokenFlags.None) };
        Tokenizer.Tokenize("two words", list);
        Assert.Equal(3, list.Count);
    }

    [Fact]
    public void Dateline_tokens()
    {
        Assert.Equal(["KYIV", ",", "Feb", "9", "(", "Reuters", ")", "-", "Russia", "struck"], Texts("KYIV, Feb 9 (Reuters) - Russia struck"));
    }

    [Fact]
    public void Random_strings_never_break_invariants()
    {
        var rng = new Random(12345);
        char[] interesting = ['.', ',', '-', '\'', '\u2019', '/', '@', ':', ' ', '\n', '\r', '\t', '\0', '\u0001', '\u0085', '\u2028', '\u2029',
            '\u00AD', '\u200D', '\uFE0F', '\uD83D', '\uDE00', '\uD83C', '\uDDFA', '\uDC00', '\uDBFF', 'A', 'z', '5', '$', '%', '\u2026', '\u201C', '\u0301', 'h', 't', 'p', 'w', 'U', 'S'];
        var list = new List<Token>();
        for (int round = 0; round < 3000; round++)
        {
            int len = rng.Next(0, 80);
            var chars = new char[len];
            for (int i = 0; i < len; i++)
            {
                int mode = rng.Next(4);
                chars[i] = mode switch
                {
                    0 => interesting[rng.Next(interesting.Length)],
                    1 => (char)rng.Next(0, 128),
                    2 => (char)rng.Next(0, 0x10000),
                    _ => (char)rng.Next(0xD800, 0xE000),
                };
            }
            string text = new(chars);
            if (round % 7 == 0) text = "see https://x.com/" + text + " U.S. 1,000 Kh-101's";
            list.Clear();
            Tokenizer.Tokenize(text, list);
            int prevEnd = 0;
            foreach (var t in list)
            {
                Assert.True(t.Length > 0, text);
                Assert.True(t.Start >= prevEnd, text);
                Assert.True(t.End <= text.Length, text);
                // Never split a surrogate pair.
                Assert.False(t.Start > 0 && char.IsHighSurrogate(text[t.Start - 1]) && char.IsLowSurrogate(text[t.Start]), text);
                Assert.False(t.End < text.Length && char.IsHighSurrogate(text[t.End - 1]) && char.IsLowSurrogate(text[t.End]), text);
                prevEnd = t.End;
            }
            var sentences = SentenceSplitter.Split(text, list.ToArray());
            int prevTok = 0;
            foreach (var s in sentences)
            {
                Assert.Equal(prevTok, s.FirstToken);
                Assert.True(s.EndToken > s.FirstToken);
                Assert.True(s.Start <= s.End && s.End <= text.Length);
                prevTok = s.EndToken;
            }
            Assert.Equal(list.Count, prevTok);
        }
    }

    [Fact]
    public void Pathological_runs_stay_linear()
    {
        string text = string.Concat(Enumerable.Repeat("ab.", 100_000)) + string.Concat(Enumerable.Repeat("a(", 50_000)) + new string(')', 100_000) + string.Concat(Enumerable.Repeat("x'", 50_000));
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var tokens = Tokenizer.Tokenize(text);
        SentenceSplitter.Split(text, tokens);
        sw.Stop();
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(5), sw.Elapsed.ToString());
        Assert.Equal("ab", text[tokens[0].Start..tokens[0].End]);
    }

    [Fact]
    public void Huge_input_does_not_throw()
    {
        string text = new string('a', 200_000) + new string('.', 100_000) + new string('-', 50_000) + string.Concat(Enumerable.Repeat("U.S.", 10_000));
        var tokens = Tokenizer.Tokenize(text);
        Assert.NotEmpty(tokens);
        Assert.NotEmpty(SentenceSplitter.Split(text, tokens));
    }
}
