using ConflictExtract.Text;

namespace ConflictExtract.Tests.Text;

public class SentenceSplitterTests
{
    private static string[] Sentences(string text)
    {
        var tokens = Tokenizer.Tokenize(text);
        var sentences = SentenceSplitter.Split(text, tokens);
        var result = new string[sentences.Length];
        int expectedFirst = 0;
        for (int i = 0; i < sentences.Length; i++)
        {
            var s = sentences[i];
            Assert.Equal(expectedFirst, s.FirstToken);
            Assert.Equal(tokens[s.FirstToken].Start, s.Start);
            Assert.Equal(tokens[s.EndToken - 1].End, s.End);
            expectedFirst = s.EndToken;
            result[i] = text[s.Start..s.End];
        }
        Assert.Equal(tokens.Length, expectedFirst);
        return result;
    }

    [Fact]
    public void Splits_at_full_stop_question_and_exclamation()
    {
        Assert.Equal(["Missiles hit Kharkiv.", "Was anyone hurt?", "Yes!", "Three people died."],
            Sentences("Missiles hit Kharkiv. Was anyone hurt? Yes! Three people died."));
    }

    [Fact]
    public void Closing_quote_stays_with_sentence()
    {
        Assert.Equal(["\u201CThe strike was deliberate,\u201D he said.", "\u201CWe will respond.\u201D", "Then he left."],
            Sentences("\u201CThe strike was deliberate,\u201D he said. \u201CWe will respond.\u201D Then he left."));
    }

    [Fact]
    public void Closing_bracket_stays_with_sentence()
    {
        Assert.Equal(["Two died (one was a child.)", "Rescuers worked overnight."],
            Sentences("Two died (one was a child.) Rescuers worked overnight."));
    }

    [Fact]
    public void Month_abbreviation_is_not_a_boundary()
    {
        Assert.Equal(["Russia has fired 24 missiles since Dec. 30, officials said.", "Kyiv was hit again."],
            Sentences("Russia has fired 24 missiles since Dec. 30, officials said. Kyiv was hit again."));
    }

    [Fact]
    public void Title_abbreviations_are_not_boundaries()
    {
        Assert.Equal(["Lt. Col. Ivan Petrenko and Gen. Oleksandr Syrskyi met Mr. Smith on St. Andrew Street."],
            Sentences("Lt. Col. Ivan Petrenko and Gen. Oleksandr Syrskyi met Mr. Smith on St. Andrew Street."));
    }

    [Fact]
    public void Initials_are_not_boundaries()
    {
        Assert.Equal(["George W. Bush and J. R. Smith spoke."], Sentences("George W. Bush and J. R. Smith spoke."));
    }

    [Fact]
    public void Us_before_starter_word_is_a_boundary()
    {
        Assert.Equal(["The missiles were made in the U.S.", "The shipment arrived in May."],
            Sentences("The missiles were made in the U.S. The shipment arrived in May."));
    }

    [Fact]
    public void Us_before_name_is_not_a_boundary()
    {
        Assert.Equal(["The U.S. Defense Department said the U.S. Army would help."],
            Sentences("The U.S. Defense Department said the U.S. Army would help."));
    }

    [Fact]
    public void Us_with_closing_quote_before_starter_is_a_boundary()
    {
        Assert.Equal(["He said \u201Cthe missiles came from the U.S.\u201D", "The embassy denied it."],
            Sentences("He said \u201Cthe missiles came from the U.S.\u201D The embassy denied it."));
        Assert.Equal(["(He means the U.S.) Kyiv agreed."], Sentences("(He means the U.S.) Kyiv agreed."));
    }

    [Fact]
    public void Etc_before_starter_is_a_boundary()
    {
        Assert.Equal(["They used drones, shells, etc.", "It was a long night."],
            Sentences("They used drones, shells, etc. It was a long night."));
    }

    [Fact]
    public void Blank_line_always_ends_sentence()
    {
        Assert.Equal(["first part without a stop", "second part"], Sentences("first part without a stop\n\nsecond part"));
        Assert.Equal(["Dated Dec.", "Next paragraph."], Sentences("Dated Dec.\n\nNext paragraph."));
    }

    [Fact]
    public void Headline_line_ends_sentence()
    {
        Assert.Equal(["Russian missile strike kills three in Odesa", "Three people were killed on Monday, the governor said."],
            Sentences("Russian missile strike kills three in Odesa\nThree people were killed on Monday, the governor said."));
    }

    [Fact]
    public void Wrapped_prose_continues()
    {
        Assert.Equal(["Three people were killed when a missile struck\nan apartment block in the city, officials said."],
            Sentences("Three people were killed when a missile struck\nan apartment block in the city, officials said."));
    }

    [Fact]
    public void Wrapped_prose_after_function_word_continues()
    {
        Assert.Equal(["The attack was condemned by the\nUnited Nations on Tuesday."],
            Sentences("The attack was condemned by the\nUnited Nations on Tuesday."));
    }

    [Fact]
    public void Line_ending_with_comma_continues()
    {
        Assert.Equal(["Kharkiv, Sumy,\nPoltava were shelled."], Sentences("Kharkiv, Sumy,\nPoltava were shelled."));
    }

    [Fact]
    public void Dateline_stays_with_sentence()
    {
        Assert.Equal(["KYIV, Feb 9 (Reuters) - Russia launched 40 drones overnight, the air force said.", "Most were shot down."],
            Sentences("KYIV, Feb 9 (Reuters) - Russia launched 40 drones overnight, the air force said. Most were shot down."));
    }

    [Fact]
    public void Dateline_on_its_own_line_stays_with_sentence()
    {
        Assert.Equal(["KYIV, Feb. 9 (Reuters) -\nRussia launched 40 drones overnight."],
            Sentences("KYIV, Feb. 9 (Reuters) -\nRussia launched 40 drones overnight."));
    }

    [Fact]
    public void Ellipsis_followed_by_lowercase_does_not_split()
    {
        Assert.Equal(["The shelling went on... and on until dawn."], Sentences("The shelling went on... and on until dawn."));
        Assert.Equal(["He paused\u2026 then spoke."], Sentences("He paused\u2026 then spoke."));
    }

    [Fact]
    public void Ellipsis_followed_by_capital_splits()
    {
        Assert.Equal(["The shelling went on...", "Nobody slept."], Sentences("The shelling went on... Nobody slept."));
    }

    [Fact]
    public void Decimal_and_thousands_do_not_split()
    {
        Assert.Equal(["About 1,000 people fled 3.5 km from the front.", "Aid arrived."],
            Sentences("About 1,000 people fled 3.5 km from the front. Aid arrived."));
    }

    [Fact]
    public void Url_does_not_split()
    {
        Assert.Equal(["Read more at www.kyivindependent.com/news today.", "Thanks."],
            Sentences("Read more at www.kyivindependent.com/news today. Thanks."));
    }

    [Fact]
    public void Question_in_quote_followed_by_said_does_not_split()
    {
        Assert.Equal(["\u201CWhy now?\u201D he asked.", "Nobody answered."], Sentences("\u201CWhy now?\u201D he asked. Nobody answered."));
    }

    [Fact]
    public void Company_abbreviation_before_starter_is_a_boundary()
    {
        Assert.Equal(["The drones were built by Acme Co.", "They crashed."], Sentences("The drones were built by Acme Co. They crashed."));
    }

    [Fact]
    public void Headline_then_dateline_paragraph()
    {
        Assert.Equal(["Drones hit Odesa port", "ODESA, Ukraine (AP) - Drones hit the port on Sunday.", "No one was hurt."],
            Sentences("Drones hit Odesa port\nODESA, Ukraine (AP) - Drones hit the port on Sunday. No one was hurt."));
    }

    [Fact]
    public void Interrobang_is_one_end()
    {
        Assert.Equal(["Really?!", "Yes."], Sentences("Really?! Yes."));
    }

    [Fact]
    public void Last_sentence_without_stop()
    {
        Assert.Equal(["One.", "Two without stop"], Sentences("One. Two without stop"));
    }

    [Fact]
    public void Sentence_offsets_are_exact()
    {
        const string text = "  Strikes hit Lviv.  Nobody died. ";
        var sentences = SentenceSplitter.Split(text);
        Assert.Equal(2, sentences.Length);
        Assert.Equal(new Sentence(0, 4, 2, 19), sentences[0]);
        Assert.Equal(new Sentence(4, 7, 21, 33), sentences[1]);
    }

    [Fact]
    public void Appends_to_list_and_handles_empty()
    {
        var list = new List<Sentence>();
        SentenceSplitter.Split("", ReadOnlySpan<Token>.Empty, list);
        Assert.Empty(list);
        Assert.Empty(SentenceSplitter.Split(""));
        const string text = "A. B";
        SentenceSplitter.Split(text, Tokenizer.Tokenize(text), list);
        Assert.NotEmpty(list);
    }
}
